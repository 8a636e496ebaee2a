# Decision 0010: anonymous posts earn and cost nothing, and choosing an answer earns as
# choosing anyone's would unless everyone can see it is the asker's own. This brings the
# ledger written under the old rules in line, then sets every total to its ledger's sum.

from django.conf import settings
from django.db import migrations
from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce


def apply_the_rules(apps, schema_editor):
    Post = apps.get_model("qa", "Post")
    PointEvent = apps.get_model("reputation", "PointEvent")
    User = apps.get_model("accounts", "User")
    amounts = settings.MINDWELL_POINTS

    anonymous = Post.objects.filter(anonymous=True).values("id")
    PointEvent.objects.filter(post_id__in=anonymous).delete()

    # Own answers chosen across anonymity earned nothing before; now they earn.
    chosen = (
        Post.objects.filter(is_accepted=True, author__isnull=False)
        .filter(Q(anonymous=True) | Q(question__anonymous=True))
        .select_related("question")
    )
    for answer in chosen.iterator():
        question = answer.question
        if question.author_id != answer.author_id:
            continue
        if not answer.anonymous and answer.deleted_at is None:
            PointEvent.objects.get_or_create(
                user_id=answer.author_id, reason="accepted", post_id=answer.pk,
                defaults={"amount": amounts["answer_accepted"]},
            )  # fmt: skip
        if not question.anonymous and question.deleted_at is None:
            PointEvent.objects.get_or_create(
                user_id=question.author_id, reason="selected", post_id=question.pk,
                defaults={"amount": amounts["select_accepted_answer"]},
            )  # fmt: skip

    ledger = (
        PointEvent.objects.filter(user_id=OuterRef("pk"))
        .values("user_id")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    User.objects.update(points=Coalesce(Subquery(ledger), Value(0), output_field=IntegerField()))


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0002_guest_links"),
        ("reputation", "0002_point_event_post_id_without_foreign_key"),
        ("accounts", "0002_email_unique_ignoring_case"),
    ]

    operations = [migrations.RunPython(apply_the_rules, migrations.RunPython.noop)]
