"""Verified professionals (issue 12): a member applies with their licence, an administrator
verifies it against the public register (outside the site) or declines it, and the badge
("Licensed clinical psychologist · Ontario · verified 2026-03") shows beside their name on
posts and their profile until the licence's expiry date; their answers carry the footer."""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mindwell.accounts import actions
from mindwell.accounts.models import Credential, CredentialStatus, User
from mindwell.core.errors import ActionError, Forbidden, NotFound
from mindwell.core.housekeeping import run_all
from mindwell.qa import actions as qa_actions
from tests.conftest import client_for, make_member, registrar, verify_professional

pytestmark = pytest.mark.django_db

APPLY = reverse("accounts:professional")
WITHDRAW = reverse("accounts:professional_withdraw")
APPLICATIONS = reverse("accounts:applications")
FOOTER = "general information from a verified professional"


def in_a_year() -> date:
    return timezone.localdate() + timedelta(days=365)


def application(**changes: str) -> dict[str, str]:
    return {
        "profession": "Licensed clinical psychologist",
        "licence_number": "CPO-5120",
        "jurisdiction": "Ontario",
        "regulator": "College of Psychologists of Ontario",
        "register_url": "https://register.example.org/psychologists/5120",
        "expires_on": in_a_year().isoformat(),
        **changes,
    }


def applies(member: User, **changes: str) -> Credential:
    response = client_for(member).post(APPLY, application(**changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return Credential.objects.get(member=member, status=CredentialStatus.PENDING)


def page_text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def this_month() -> str:
    return timezone.localdate().strftime("%Y-%m")


@pytest.fixture
def admin(db) -> User:
    return registrar()


# --- applying ----------------------------------------------------------------------------


def test_a_member_applies_and_sees_it_waiting_for_staff(maya):
    credential = applies(maya)

    assert (credential.profession, credential.jurisdiction) == (
        "Licensed clinical psychologist",
        "Ontario",
    )
    assert credential.licence_number == "CPO-5120" and credential.expires_on == in_a_year()
    assert credential.verified_at is None and not credential.carried_over
    text = page_text(client_for(maya).get(APPLY))
    assert "waiting for staff" in text and "CPO-5120" in text
    assert "Send my application" not in text  # one application at a time
    maya.refresh_from_db()
    assert maya.professional_badge == "" and maya.professional_until is None


def test_the_settings_page_leads_to_the_application(maya):
    html = client_for(maya).get(reverse("accounts:settings")).content.decode()

    assert f'href="{APPLY}"' in html
    assert f'href="{APPLICATIONS}"' not in html


def test_an_application_with_problems_comes_back_with_every_one_and_nothing_kept(maya):
    response = client_for(maya).post(
        APPLY,
        application(
            profession="  ",
            register_url="javascript:alert(1)",
            expires_on=(timezone.localdate() - timedelta(days=1)).isoformat(),
        ),
    )

    assert response.status_code == 400
    text = page_text(response)
    assert "Please correct 3 problems" in text
    assert "This field is required." in text
    assert "starting with https://" in text
    assert "an expired licence cannot be verified" in text
    assert not Credential.objects.exists()


def test_a_mistyped_far_year_is_caught():
    with pytest.raises(ActionError, match="more than 10 years away"):
        actions.clean_licence_expiry(date(timezone.localdate().year + 30, 1, 1))


def test_a_second_application_is_refused_while_one_is_live(maya):
    applies(maya)

    response = client_for(maya).post(APPLY, application(licence_number="CPO-9999"))

    assert response.status_code == 409
    assert "You have already applied" in page_text(response)
    assert Credential.objects.filter(member=maya).count() == 1


def test_the_database_keeps_one_live_credential_per_member(maya):
    applies(maya)

    with pytest.raises(IntegrityError), transaction.atomic():
        Credential.objects.create(
            member=maya, profession="Psychologist", licence_number="2", jurisdiction="Ontario",
            regulator="CPO", expires_on=in_a_year(), applied_at=timezone.now(),
        )  # fmt: skip


def test_a_suspended_member_cannot_apply(maya, moderator):
    from mindwell.moderation.actions.members import suspend_member

    suspend_member(member=maya, by=moderator, days=3, reason="Spam.")

    response = client_for(maya).post(APPLY, application())

    assert response.status_code == 403
    assert not Credential.objects.exists()


def test_applying_needs_a_login():
    response = Client().get(APPLY)

    assert response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login")
    )


# --- who decides -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "moderator", "staff without admin", "the applicant"])
def test_only_administrators_see_and_decide_applications(maya, moderator, who):
    credential = applies(maya)
    person = {
        "member": make_member("reader"),
        "moderator": moderator,
        "staff without admin": make_member("helpdesk", is_staff=True),
        "the applicant": maya,
    }[who]
    client = client_for(person)
    urls = [
        reverse("accounts:application", args=[credential.pk]),
        reverse("accounts:verify_credential", args=[credential.pk]),
        reverse("accounts:decline_credential", args=[credential.pk]),
    ]

    assert client.get(APPLICATIONS).status_code == 404
    assert client.get(urls[0]).status_code == 404
    verified = client.post(urls[1], {"expires_on": in_a_year().isoformat(), "checked": "on"})
    declined = client.post(urls[2], {"reason": "No."})

    assert verified.status_code == declined.status_code == 404
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.PENDING
    assert client.get("/admin/accounts/credential/").status_code in (302, 403)
    with pytest.raises(NotFound):
        actions.verify_credential(credential=credential, by=person, expires_on=in_a_year())


def test_a_missing_application_is_a_404_for_administrators_too(admin):
    assert client_for(admin).get(reverse("accounts:application", args=[999])).status_code == 404


def test_the_administrator_lists_pending_applications_and_verifies_one(maya, admin):
    credential = applies(maya)
    client = client_for(admin)

    listed = client.get(APPLICATIONS)
    assert listed.status_code == 200
    assert "Maya: Licensed clinical psychologist, Ontario" in page_text(listed)
    detail = page_text(client.get(reverse("accounts:application", args=[credential.pk])))
    assert "CPO-5120" in detail and "College of Psychologists of Ontario" in detail
    assert "https://register.example.org/psychologists/5120" in detail
    confirmed = in_a_year() + timedelta(days=30)  # the register's date wins over the member's
    response = client.post(
        reverse("accounts:verify_credential", args=[credential.pk]),
        {"expires_on": confirmed.isoformat(), "checked": "on"},
    )

    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.VERIFIED
    assert credential.verified_by == admin and credential.verified_at is not None
    assert credential.expires_on == confirmed
    maya.refresh_from_db()
    assert (
        maya.professional_badge
        == f"Licensed clinical psychologist · Ontario · verified {this_month()}"
    )
    assert maya.professional_until == confirmed
    assert "No application is waiting." in page_text(client.get(APPLICATIONS))
    assert maya.professional_badge in page_text(client_for(maya).get(APPLY))


def test_the_list_of_applications_costs_the_same_queries_however_long(admin):
    client = client_for(admin)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(APPLICATIONS).status_code == 200
        return len(captured.captured_queries)

    applies(make_member("first_applicant"))
    one = queries()
    for n in range(5):
        applies(make_member(f"applicant{n}"))

    assert queries() == one


def test_verifying_needs_the_register_checked_and_a_future_date(maya, admin):
    credential = applies(maya)
    url = reverse("accounts:verify_credential", args=[credential.pk])

    unchecked = client_for(admin).post(url, {"expires_on": in_a_year().isoformat()})
    past = client_for(admin).post(
        url, {"expires_on": timezone.localdate().isoformat(), "checked": "on"}
    )

    assert unchecked.status_code == past.status_code == 400
    assert "Verify only what you found on the public register." in page_text(unchecked)
    assert "an expired licence cannot be verified" in page_text(past)
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.PENDING


def test_an_administrator_cannot_verify_their_own_credential(admin):
    credential = applies(admin)

    with pytest.raises(Forbidden, match="Another administrator"):
        actions.verify_credential(credential=credential, by=admin, expires_on=in_a_year())

    other = make_member("second_admin", is_staff=True, is_superuser=True)
    actions.verify_credential(credential=credential, by=other, expires_on=in_a_year())
    admin.refresh_from_db()
    assert admin.professional_badge


def test_a_decision_is_taken_once(maya, admin):
    credential = applies(maya)
    actions.decline_credential(credential=credential, by=admin, reason="Not on the register.")

    response = client_for(admin).post(
        reverse("accounts:verify_credential", args=[credential.pk]),
        {"expires_on": in_a_year().isoformat(), "checked": "on"},
    )

    assert response.status_code == 409
    assert "no longer waiting: it is declined" in page_text(response)


# --- declining, withdrawing, applying again ----------------------------------------------


def test_a_declined_member_reads_the_reason_and_applies_again(maya, admin):
    credential = applies(maya)
    url = reverse("accounts:decline_credential", args=[credential.pk])

    assert client_for(admin).post(url, {"reason": " "}).status_code == 400
    response = client_for(admin).post(
        url, {"reason": "The register lists this number under another name."}
    )

    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.DECLINED and credential.declined_by == admin
    text = page_text(client_for(maya).get(APPLY))
    assert "declined" in text and "The register lists this number under another name." in text
    assert "Send my application" in text
    again = applies(maya, licence_number="CPO-5121")
    assert again.pk != credential.pk
    assert list(maya.credentials.values_list("status", flat=True).order_by("id")) == [
        "declined",
        "pending",
    ]


def test_a_member_withdraws_a_pending_application(maya):
    credential = applies(maya)

    response = client_for(maya).post(WITHDRAW)

    assert response.status_code == 302
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.WITHDRAWN and credential.ended_at is not None
    again = client_for(maya).post(WITHDRAW)
    assert again.status_code == 409
    assert "You have no application or credential to withdraw." in page_text(again)


def test_withdrawing_a_verified_credential_takes_the_badge_off_every_page(
    dr_okafor, maya, ask, answer
):
    question = ask(maya)
    answer(question, dr_okafor, body="It is common, and worth saying to them.")
    assert "Licensed clinical psychologist · Ontario" in page_text(
        Client().get(question.get_absolute_url())
    )

    assert client_for(dr_okafor).post(WITHDRAW).status_code == 302

    dr_okafor.refresh_from_db()
    assert dr_okafor.professional_badge == "" and dr_okafor.professional_until is None
    text = page_text(Client().get(question.get_absolute_url()))
    assert "Licensed clinical psychologist" not in text and FOOTER not in text


# --- the badge and the footer --------------------------------------------------------------


def test_the_badge_is_beside_the_name_on_posts_lists_and_the_profile(dr_okafor, maya, ask, answer):
    question = ask(maya)
    answer(question, dr_okafor, body="It is common, and worth saying to them.")
    own = ask(dr_okafor, title="How do therapists keep their own balance?")
    badge = f"Licensed clinical psychologist · Ontario · verified {this_month()}"

    question_page = page_text(Client().get(question.get_absolute_url()))
    listed = page_text(Client().get("/"))
    profile = page_text(Client().get(reverse("qa:profile", args=["dr_okafor"])))

    assert f"Dr Okafor {badge}" in question_page
    assert f"Dr Okafor {badge}" in listed and own.title in listed
    assert badge in profile and "Verified professional" in profile
    assert badge not in page_text(Client().get(reverse("qa:profile", args=["maya"])))


def test_answers_by_verified_professionals_carry_the_footer_and_nothing_else_does(
    dr_okafor, maya, ask, answer
):
    question = ask(dr_okafor, title="What helps between sessions?")
    by_professional = answer(question, dr_okafor, body="Writing a few lines each evening.")
    by_member = answer(question, maya, body="A walk after work, most days.")
    qa_actions.add_comment(post=by_professional, author=dr_okafor, body="A short note is plenty.")

    html = Client().get(question.get_absolute_url()).content.decode()

    assert html.count(FOOTER) == 1
    posts = {
        key: unescape(" ".join(re.sub(r"<[^>]+>", " ", text).split()))
        for key, text in re.findall(r'<article[^>]* id="([qa]\d+)"(.*?)</article>', html, re.S)
    }
    assert FOOTER in posts[f"a{by_professional.pk}"]
    assert "not therapy or a diagnosis" in posts[f"a{by_professional.pk}"]
    assert (
        "does not make the writer your therapist or create any professional relationship"
        in (posts[f"a{by_professional.pk}"])
    )
    assert FOOTER not in posts[f"a{by_member.pk}"]
    assert FOOTER not in posts[f"q{question.pk}"]


def test_an_anonymous_answer_shows_no_badge_and_no_footer(dr_okafor, maya, ask, answer):
    question = ask(maya)
    answer(question, dr_okafor, body="Speaking only for myself here.", anonymous=True)

    text = page_text(Client().get(question.get_absolute_url()))

    assert "Speaking only for myself here." in text
    assert "Licensed clinical psychologist" not in text and FOOTER not in text


def test_a_badge_whose_date_has_passed_is_not_shown_even_before_housekeeping(
    dr_okafor, maya, ask, answer
):
    question = ask(maya)
    answer(question, dr_okafor, body="It is common, and worth saying to them.")
    yesterday = timezone.localdate() - timedelta(days=1)
    User.objects.filter(pk=dr_okafor.pk).update(professional_until=yesterday)

    text = page_text(Client().get(question.get_absolute_url()))

    assert "Licensed clinical psychologist" not in text and FOOTER not in text
    assert "Licensed clinical psychologist" not in page_text(Client().get("/u/dr_okafor/"))


def test_housekeeping_lapses_expired_credentials_only(dr_okafor, maya):
    verify_professional(maya, profession="Registered psychotherapist")
    expired = dr_okafor.credentials.get()
    Credential.objects.filter(pk=expired.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )

    assert run_all()["expired credentials"] == 1

    expired.refresh_from_db()
    assert expired.status == CredentialStatus.LAPSED and expired.ended_at is not None
    dr_okafor.refresh_from_db()
    maya.refresh_from_db()
    assert dr_okafor.professional_badge == "" and dr_okafor.professional_until is None
    assert maya.professional_badge.startswith("Registered psychotherapist · Ontario")
    assert run_all()["expired credentials"] == 0
    text = page_text(client_for(dr_okafor).get(APPLY))
    assert "lapsed" in text and "Send my application" in text


def test_a_licence_expiring_today_still_shows_its_badge(dr_okafor):
    Credential.objects.filter(member=dr_okafor).update(expires_on=timezone.localdate())
    User.objects.filter(pk=dr_okafor.pk).update(professional_until=timezone.localdate())

    assert run_all()["expired credentials"] == 0
    assert "Licensed clinical psychologist" in page_text(Client().get("/u/dr_okafor/"))


# --- carried over from the old flag --------------------------------------------------------


def test_a_carried_over_credential_asks_the_member_for_details_and_is_then_verified(maya, admin):
    carried = Credential.objects.create(
        member=maya, status=CredentialStatus.PENDING, carried_over=True, applied_at=timezone.now()
    )
    with pytest.raises(ActionError, match="without any details"):
        actions.verify_credential(credential=carried, by=admin, expires_on=in_a_year())
    text = page_text(client_for(maya).get(APPLY))
    assert "Please send your licence details" in text and "Send my application" in text
    assert "carried over" in page_text(client_for(admin).get(APPLICATIONS))

    filled = applies(maya)

    assert filled.pk == carried.pk and filled.carried_over and filled.has_details
    actions.verify_credential(credential=filled, by=admin, expires_on=in_a_year())
    maya.refresh_from_db()
    assert maya.professional_badge.startswith("Licensed clinical psychologist · Ontario")


# --- the Django admin ------------------------------------------------------------------------


def test_the_admin_verifies_and_declines_through_the_actions(maya, newcomer, admin):
    first, second = applies(maya), applies(newcomer)
    client = client_for(admin)

    assert client.get("/admin/accounts/credential/").status_code == 200
    assert client.get("/admin/accounts/credential/add/").status_code == 403
    refused = client.post(
        f"/admin/accounts/credential/{first.pk}/change/",
        {"decision": "verify", "confirmed_expiry": "", "reason": ""},
    )
    assert refused.status_code == 200 and "The licence&#x27;s expiry date is required." in (
        refused.content.decode()
    )
    verified = client.post(
        f"/admin/accounts/credential/{first.pk}/change/",
        {"decision": "verify", "confirmed_expiry": in_a_year().isoformat(), "reason": ""},
    )
    declined = client.post(
        f"/admin/accounts/credential/{second.pk}/change/",
        {"decision": "decline", "confirmed_expiry": "", "reason": "Not on the register."},
    )

    assert verified.status_code == declined.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.verified_by) == (CredentialStatus.VERIFIED, admin)
    assert (second.status, second.declined_by) == (CredentialStatus.DECLINED, admin)
    assert second.decline_reason == "Not on the register."
    maya.refresh_from_db()
    assert maya.professional_badge.startswith("Licensed clinical psychologist")


# --- the migration from the old flag ----------------------------------------------------------

BEFORE = [("accounts", "0007_unread_moderator_messages")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_makes_flagged_members_pending_credentials_without_a_badge():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    # Through 0009_professional_flag_removed to the latest, which the User model reads.
    after = executor.loader.graph.leaf_nodes("accounts")
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
        for name, was_flagged in (("flagged", True), ("plain", False)):
            old.objects.create(
                username=name, email=f"{name}@example.org", is_professional=was_flagged,
                date_joined=timezone.now(),
            )  # fmt: skip
        executor = MigrationExecutor(connection)
        executor.migrate(after)

        flagged = User.objects.get(username="flagged")
        credential = flagged.credentials.get()
        assert credential.status == CredentialStatus.PENDING and credential.carried_over
        assert not credential.has_details and credential.verified_at is None
        assert flagged.professional_badge == "" and flagged.professional_until is None
        assert not User.objects.get(username="plain").credentials.exists()

        # And back: the flag returns to the member whose credential was carried over.
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
        assert list(
            old.objects.filter(is_professional=True).values_list("username", flat=True)
        ) == ["flagged"]
    finally:
        MigrationExecutor(connection).migrate(leaves)
