"""What safety keeps: the outcome of screening each post, comment and edit, the help
resources by region shown on "Need help now?", and each member's reader controls."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Q


class Outcome(models.TextChoices):
    """What screening found (mindwell.safety.screening); see the README's safety section."""

    CRISIS = "crisis", "Crisis"
    INCITEMENT = "incitement", "Incitement"
    METHOD = "method", "Method"
    NONE = "none", "None"


class Screening(models.Model):
    """One screening of new text that was not `none`: a question, answer or comment when it
    was posted or edited. `support` marks an author who may need support (first-person
    crisis language, alone or with a method)."""

    post = models.ForeignKey(
        "qa.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        "qa.Comment", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    question = models.ForeignKey("qa.Post", on_delete=models.CASCADE, related_name="+")
    what = models.CharField(max_length=10)  # question, answer, comment, edit
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    support = models.BooleanField(default=False)
    reasons = models.JSONField(default=list)
    version = models.CharField(max_length=20)
    created_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["support", "-created_at"], name="safety_support_recent")]

    def __str__(self) -> str:
        return f"{self.outcome} ({self.what} {self.post_id or self.comment_id})"


class SupportHelper(models.Model):
    """A trusted member or verified professional who asked to hear of questions marked
    "may need support" that are still unanswered (SupportAlert)."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="support_helper"
    )
    since = models.DateTimeField()

    def __str__(self) -> str:
        return f"helper {self.user_id}"


class SupportAlert(models.Model):
    """A question marked "may need support" that had no answer after
    MINDWELL_SUPPORT_UNANSWERED_HOURS: opted-in helpers see it in their list (and hear of it
    through notifications once they exist: events.UnansweredSupportQuestion). One per
    question; `answered_at` is set when it gets an answer."""

    question = models.OneToOneField("qa.Post", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"unanswered {self.question_id}"


class ReplyTemplate(models.Model):
    """A starting point for a moderator's reply to someone who may need support, written
    for a person, edited before it is sent (safety.views.reply)."""

    title = models.CharField(max_length=100)
    body = models.TextField(max_length=4000)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "title"]

    def __str__(self) -> str:
        return self.title


# --- Help that fits the reader: the "Need help now?" resources, edited by staff ------------

INTERNATIONAL = "international"

phone_format = RegexValidator(
    r"^\+?[0-9]([0-9 -]*[0-9])?$",
    "Write the number as people dial it: digits, spaces and hyphens, with an optional leading +.",
)
language_tags = RegexValidator(
    r"^\s*([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*(\s+|$))*$",
    "Language tags separated by spaces, such as: de en-GB fr-CA.",
)


def dialable(number: str) -> str:
    """What a tel: or sms: link holds: the digits, with the leading + if there is one."""
    digits = "".join(c for c in number if c.isdigit())
    return f"+{digits}" if number.startswith("+") else digits


class RegionQuerySet(models.QuerySet["Region"]):
    def active(self) -> RegionQuerySet:
        return self.filter(active=True)

    def for_help_page(self) -> RegionQuerySet:
        """The active regions in page order, each with its active services (two queries)."""
        return self.active().prefetch_related(
            models.Prefetch("services", queryset=HelpService.objects.active())
        )


class Region(models.Model):
    """A country (ISO 3166 alpha-2 code) or `international`, with the numbers that work
    there. Pages that show regions and services are never stored by the page cache (they
    vary per visitor), so an edit here is seen at once."""

    code = models.CharField(
        max_length=13,
        unique=True,
        validators=[
            RegexValidator(r"^([A-Z]{2}|international)$", "Use GB, US, ... or international.")
        ],
        help_text='ISO 3166 alpha-2 code in capitals (GB, US, DE), or "international".',
    )
    name = models.CharField(max_length=80)
    emergency_number = models.CharField(
        max_length=20,
        blank=True,
        validators=[phone_format],
        help_text="The number for police, ambulance and fire. Blank only for international.",
    )
    emergency_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Other emergency numbers worth knowing, in a sentence (optional).",
    )
    languages = models.CharField(
        max_length=200,
        blank=True,
        validators=[language_tags],
        help_text=(
            "Browser languages that point here, besides those naming this country "
            '(en-GB already points to GB). A bare language ("de") is used only when the '
            "browser names no other country for it."
        ),
    )
    police_answer = models.TextField(
        "Will they send the police?",
        help_text="A short, honest answer for this region's crisis lines.",
    )
    active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=100, help_text="Lower comes first.")

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code=INTERNATIONAL) | models.Q(code__regex=r"^[A-Z]{2}$"),
                name="safety_region_code_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_international(self) -> bool:
        return self.code == INTERNATIONAL

    @property
    def emergency_dial(self) -> str:
        return dialable(self.emergency_number)

    @property
    def language_tags(self) -> list[str]:
        return [tag.lower() for tag in self.languages.split()]


class ServiceKind(models.TextChoices):
    """What a help service is; crisis_options offers them in this order of directness."""

    CRISIS_LINE = "crisis_line", "Crisis line"
    TEXT = "text", "Text service"
    CHAT = "chat", "Chat"
    EMERGENCY = "emergency", "Emergency"
    OTHER = "other", "Other"


class HelpServiceQuerySet(models.QuerySet["HelpService"]):
    def active(self) -> HelpServiceQuerySet:
        return self.filter(active=True)


class HelpService(models.Model):
    """One way to reach help in a region: a crisis line, a text or chat service, ..."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="services")
    name = models.CharField(max_length=120)
    kind = models.CharField(
        max_length=12, choices=ServiceKind.choices, default=ServiceKind.CRISIS_LINE
    )
    phone = models.CharField(
        max_length=30,
        blank=True,
        validators=[phone_format],
        help_text="To call, as people dial it.",
    )
    text_number = models.CharField(
        max_length=30, blank=True, validators=[phone_format], help_text="To send a text message to."
    )
    text_keyword = models.CharField(
        max_length=30,
        blank=True,
        help_text='The word to text, if the service asks for one ("SHOUT").',
    )
    web_url = models.URLField(
        "Website",
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text="https only. Shown as a plain link that the reader chooses to open.",
    )
    hours = models.CharField(max_length=120, help_text='For example "24 hours, every day".')
    notes = models.TextField(
        blank=True, help_text="Who it is for, languages, anything a caller should know first."
    )
    order = models.PositiveSmallIntegerField(default=100, help_text="Lower comes first.")
    active = models.BooleanField(default=True)
    checked_on = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "When someone last checked these details against the service's own site. Empty "
            "until then (the entries seeded with the site start empty)."
        ),
    )

    objects = HelpServiceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="", text_number="", web_url=""),
                name="safety_helpservice_reachable",
                violation_error_message="Give a phone number, a text number or a website.",
            ),
            models.CheckConstraint(
                condition=models.Q(text_keyword="") | ~models.Q(text_number=""),
                name="safety_helpservice_keyword_needs_number",
                violation_error_message="A text keyword needs the number to text it to.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.region_id and self.region.code})"

    @classmethod
    def emergency_for(cls, region: Region) -> HelpService:
        """The region's emergency number as an (unsaved) service, for lists of options."""
        return cls(
            region=region,
            name="Emergency services",
            kind=ServiceKind.EMERGENCY,
            phone=region.emergency_number,
            hours="24 hours, every day",
            notes=region.emergency_note,
        )

    @property
    def phone_dial(self) -> str:
        return dialable(self.phone)

    @property
    def text_link(self) -> str:
        """The sms: link, with the keyword as the message's text when there is one."""
        if not self.text_number:
            return ""
        link = f"sms:{dialable(self.text_number)}"
        return f"{link}?body={quote(self.text_keyword)}" if self.text_keyword else link

    @property
    def web_label(self) -> str:
        """The link's text: the address without its scheme, "www." or a trailing slash."""
        label = self.web_url.split("://", 1)[-1].removeprefix("www.")
        return label.rstrip("/")


class ReaderRule(models.Model):
    """One thing a member chose not to read (reader controls, mindwell.safety.reader): a word
    or phrase they muted, or a tag whose questions they hide. Exactly one of the two is set."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_rules"
    )
    # Kept trimmed, with single spaces and in lower case; matched as whole words.
    phrase = models.CharField(max_length=40, blank=True)
    tag = models.ForeignKey(
        "tags.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(tag__isnull=True) & ~Q(phrase=""))
                | (Q(tag__isnull=False) & Q(phrase="")),
                name="reader_rule_phrase_or_tag",
            ),
            models.UniqueConstraint(
                fields=["user", "phrase"], condition=~Q(phrase=""), name="reader_rule_phrase_once"
            ),
            models.UniqueConstraint(
                fields=["user", "tag"], condition=Q(tag__isnull=False), name="reader_rule_tag_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.phrase or f'tag {self.tag_id}'}"
