"""The editor's pages: success, wrong method, wrong role, other organisation, bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse

from policies import services
from policies.models import AuditEvent, Organisation, PolicyVersion, Role
from policies.policy_files import export_policy
from tests.texts import BLOCKED, HARMLESS

SURE_EXAMPLES = [{"id": "repair-cafe", "text": HARMLESS, "tier": "low"},
                 {"id": "arrears", "text": BLOCKED, "tier": "block"}]


@pytest.fixture(autouse=True)
def _fresh_compiled_versions():
    """selectors caches compiled versions by primary key, which a rolled-back test database reuses."""
    from policies import selectors

    selectors._compiled_by_version.clear()


@pytest.fixture
def draft(council):
    admin = council.membership(council.dave)
    version = services.policy_version_create_draft(organisation=council.organisation, by=admin)
    return services.policy_version_save(version=version, document=version.document | {"examples": SURE_EXAMPLES},
                                        by=admin, change="sure examples")


def _doc(version):
    return PolicyVersion.objects.get(pk=version.pk).document


# --- Who may see and who may change -------------------------------------------------------------


@pytest.mark.parametrize("name", ["policy_home", "policy_compare"])
def test_leads_and_admins_see_the_policy_pages_authors_and_reviewers_do_not(council, client_for, name):
    assert client_for(council.dave).get(reverse(name)).status_code == 200
    assert client_for(council.carol).get(reverse(name)).status_code == 200
    assert client_for(council.bob).get(reverse(name)).status_code == 403
    assert client_for(council.alice).get(reverse(name)).status_code == 403


def test_a_lead_may_view_a_version_but_not_edit_it(council, client_for, draft):
    carol = client_for(council.carol)
    page = carol.get(reverse("policy_version", args=[draft.number]))
    assert page.status_code == 200 and b"politically-neutral" in page.content
    assert b"Add a rule" not in page.content
    url = reverse("policy_rule_add", args=[draft.number, "banned_phrase"])
    assert carol.get(url).status_code == 403
    assert carol.post(url, {"id": "x", "severity": "high", "terms": "abc"}).status_code == 403
    assert carol.post(reverse("policy_activate", args=[draft.number])).status_code == 403
    assert "x" not in {r["id"] for r in _doc(draft)["rules"]}


def test_another_organisations_versions_are_404(council, client_for, draft, mallory):
    mallory_client = client_for(mallory)
    own = Organisation.objects.get(slug="harlow").active_policy().number
    assert own == 1 and draft.number == 2
    for url in [reverse("policy_version", args=[2]), reverse("policy_export", args=[2]),
                reverse("policy_tiers_edit", args=[2]), reverse("policy_rule_add", args=[2, "pattern"])]:
        assert mallory_client.get(url).status_code == 404, url
    assert mallory_client.post(reverse("policy_activate", args=[2])).status_code == 404
    assert _doc(draft)["rules"] == PolicyVersion.objects.get(pk=draft.pk).document["rules"]


@pytest.mark.parametrize(("name", "args"), [
    ("policy_draft_create", []), ("policy_draft_discard", [2]), ("policy_rule_delete", [2, "quiet-hours"]),
    ("policy_example_add", [2]), ("policy_example_delete", [2, 0]), ("policy_pattern_try", []),
    ("policy_dry_run_start", [2]),
])
def test_state_changing_views_refuse_get(council, client_for, draft, name, args):
    assert client_for(council.dave).get(reverse(name, args=args)).status_code == 405


# --- Rules ---------------------------------------------------------------------------------------


def test_admin_adds_a_banned_phrase_rule_to_a_draft(council, client_for, draft):
    response = client_for(council.dave).post(reverse("policy_rule_add", args=[draft.number, "banned_phrase"]), {
        "id": "no-fireworks", "severity": "high", "message": "Ask events first.", "terms": "fireworks\nbonfire night",
        "accounts": ["@StroudDC"],
    })
    assert response.status_code == 302
    rule = next(r for r in _doc(draft)["rules"] if r["id"] == "no-fireworks")
    assert rule == {"id": "no-fireworks", "kind": "banned_phrase", "severity": "high", "message": "Ask events first.",
                    "accounts": ["@StroudDC"], "terms": ["fireworks", "bonfire night"]}
    assert AuditEvent.objects.filter(verb="policy.draft_changed", data__change="added rule no-fireworks").exists()


def test_editing_a_rule_keeps_its_place_and_shows_its_values(council, client_for, draft):
    client = client_for(council.dave)
    url = reverse("policy_rule_edit", args=[draft.number, "quiet-hours"])
    page = client.get(url)
    assert page.status_code == 200 and b'value="22:00"' in page.content
    position = [r["id"] for r in _doc(draft)["rules"]].index("quiet-hours")
    response = client.post(url, {"id": "quiet-hours", "severity": "medium", "daily_from": "21:00", "daily_to": "08:00",
                                 "raise_by": "0"})
    assert response.status_code == 302
    rule = _doc(draft)["rules"][position]
    assert (rule["id"], rule["severity"], rule["daily"]) == ("quiet-hours", "medium", {"from": "21:00", "to": "08:00"})


def test_a_broken_pattern_is_shown_next_to_the_field_and_nothing_is_saved(council, client_for, draft):
    before = _doc(draft)
    response = client_for(council.dave).post(reverse("policy_rule_add", args=[draft.number, "pattern"]),
                                             {"id": "ref", "severity": "block", "pattern": "(ref\\d+"})
    assert response.status_code == 400
    assert response.context["form"].errors["pattern"]
    assert _doc(draft) == before


def test_a_window_contradicting_another_is_refused_naming_the_field(council, client_for, draft):
    response = client_for(council.dave).post(reverse("policy_rule_add", args=[draft.number, "window"]), {
        "id": "late-purdah", "severity": "low", "start": "2027-04-01", "end": "2027-05-10", "raise_by": "0",
        "topics": "\n".join(next(r for r in _doc(draft)["rules"] if r["id"] == "pre-election-period")["topics"]),
    })
    assert response.status_code == 400
    assert "pre-election-period" in " ".join(response.context["form"].errors["start"])
    assert "late-purdah" not in {r["id"] for r in _doc(draft)["rules"]}


def test_an_unknown_kind_of_rule_is_404(council, client_for, draft):
    assert client_for(council.dave).get(reverse("policy_rule_add", args=[draft.number, "shouting"])).status_code == 404


def test_a_version_that_was_in_force_cannot_be_edited(council, client_for):
    active = council.organisation.active_policy()
    response = client_for(council.dave).post(reverse("policy_rule_add", args=[active.number, "banned_phrase"]),
                                             {"id": "x", "severity": "high", "terms": "abc"})
    assert response.status_code == 403


def test_removing_a_rule(council, client_for, draft):
    response = client_for(council.dave).post(reverse("policy_rule_delete", args=[draft.number, "quiet-hours"]))
    assert response.status_code == 302 and "quiet-hours" not in {r["id"] for r in _doc(draft)["rules"]}


def test_the_try_it_box_shows_matches_or_the_problem(council, client_for):
    client = client_for(council.dave)
    url = reverse("policy_pattern_try")
    found = client.post(url, {"pattern": r"ref\s*\d{4}", "flags": ["i"], "sample": "Our REF 1234 and ref5678"})
    assert found.status_code == 200 and b"REF 1234" in found.content and b"ref5678" in found.content
    broken = client.post(url, {"pattern": "(ref", "sample": "x"})
    assert b"field-error" in broken.content
    assert client_for(council.carol).post(url, {"pattern": "a", "sample": "a"}).status_code == 403


# --- Tier table, examples, activation ------------------------------------------------------------


def test_tier_table_where_high_needs_fewer_approvals_than_medium_is_refused(council, client_for, draft):
    url = reverse("policy_tiers_edit", args=[draft.number])
    data = {"medium_approvals": 2, "high_approvals": 1, "high_owner_or_lead": "on", "flag_escalation_hours": 24,
            "publishing_lateness_minutes": 120}
    response = client_for(council.dave).post(url, data)
    assert response.status_code == 400
    assert "fewer approvals" in " ".join(response.context["form"].errors["high_approvals"])
    assert _doc(draft)["tiers"]["high"]["approvals"] == 2
    ok = client_for(council.dave).post(url, data | {"high_approvals": 3, "flag_escalation_hours": 48})
    assert ok.status_code == 302
    assert _doc(draft)["tiers"]["high"] == {"approvals": 3, "owner_or_lead": True}
    assert _doc(draft)["tiers"]["flag_escalation_hours"] == 48


def test_examples_show_pass_and_fail(council, client_for, draft):
    client = client_for(council.dave)
    client.post(reverse("policy_example_add", args=[draft.number]),
                {"text": "Fireworks tonight at the park!", "tier": "high", "platform": "x"})
    page = client.get(reverse("policy_examples", args=[draft.number]), HTTP_HX_REQUEST="true")
    assert page.status_code == 200
    assert page.content.count(b"example-pass") == 2 and page.content.count(b"example-fail") == 1
    assert b"<html" not in page.content  # htmx gets only the table


def test_activating_with_a_failing_example_needs_it_ticked(council, client_for, draft):
    client = client_for(council.dave)
    client.post(reverse("policy_example_add", args=[draft.number]),
                {"text": "Fireworks tonight at the park!", "tier": "high", "platform": "x"})
    url = reverse("policy_activate", args=[draft.number])
    page = client.get(url)
    assert b"example-3" in page.content and b'name="confirm"' in page.content
    refused = client.post(url)
    assert refused.status_code == 400 and b"example-3" in refused.content
    assert PolicyVersion.objects.get(pk=draft.pk).status == "draft"
    assert client.post(url, {"confirm": "example-3"}).status_code == 302
    assert PolicyVersion.objects.get(pk=draft.pk).status == "active"


def test_reactivating_an_earlier_version_from_its_page(council, client_for, draft):
    client = client_for(council.dave)
    assert client.post(reverse("policy_activate", args=[draft.number])).status_code == 302
    second = services.policy_version_create_draft(organisation=council.organisation, by=council.membership(council.dave))
    assert client.post(reverse("policy_activate", args=[second.number])).status_code == 302
    page = client.get(reverse("policy_version", args=[draft.number]))
    assert b"Re-activate this version" in page.content
    assert client.post(reverse("policy_activate", args=[draft.number])).status_code == 302
    assert council.organisation.active_policy().number == draft.number


# --- Compare, export, import ---------------------------------------------------------------------


def test_compare_shows_two_versions_side_by_side(council, client_for, draft):
    client = client_for(council.dave)
    client.post(reverse("policy_rule_delete", args=[draft.number, "quiet-hours"]))
    page = client_for(council.carol).get(reverse("policy_compare"), {"left": 1, "right": draft.number})
    assert page.status_code == 200
    assert b"Rule quiet-hours" in page.content and b"Removed." in page.content and b"22:00" in page.content


def test_export_then_import_makes_an_identical_draft(council, client_for, draft):
    client = client_for(council.dave)
    exported = client.get(reverse("policy_export", args=[draft.number]))
    assert exported.status_code == 200 and exported["Content-Disposition"].endswith('-v2.yaml"')
    response = client.post(reverse("policy_import"), {"text": exported.content.decode()})
    assert response.status_code == 302
    imported = PolicyVersion.objects.get(organisation=council.organisation, number=3)
    assert imported.document == draft.document and imported.source == "import"
    again = client.get(reverse("policy_export", args=[3])).content.decode()
    assert again == exported.content.decode().replace("version 2 (draft)", "version 3 (draft)")


def test_import_of_a_bad_file_lists_each_problem_with_its_line_and_saves_nothing(council, client_for, draft):
    document = dict(draft.document)
    document["rules"] = document["rules"] + [{"id": "loud", "kind": "shouting", "terms": ["x"]}]
    text = export_policy(document)
    count = PolicyVersion.objects.count()
    response = client_for(council.dave).post(reverse("policy_import"), {"text": text})
    assert response.status_code == 400
    problems = response.context["problems"]
    line = text.splitlines().index("    kind: shouting") + 1
    assert any(p.field == "kind" and p.where.startswith(f"line {line}:") for p in problems), problems
    assert PolicyVersion.objects.count() == count


def test_import_needs_a_file_or_text(council, client_for):
    response = client_for(council.dave).post(reverse("policy_import"), {})
    assert response.status_code == 400 and response.context["form"].non_field_errors()


def test_only_admins_import(council, client_for):
    assert client_for(council.carol).post(reverse("policy_import"), {"text": "schema: 1"}).status_code == 403


# --- A new organisation from a pack ---------------------------------------------------------------


def test_a_signed_in_person_starts_an_organisation_from_a_pack(db, client_for):
    from tests.factories import UserFactory

    erin = UserFactory(email="erin@charity.example", name="Erin")
    client = client_for(erin)
    assert client.get(reverse("organisation_new")).status_code == 200
    response = client.post(reverse("organisation_new"), {"name": "Riverside Food Bank", "kind": "charity"})
    assert response.status_code == 302 and response["Location"] == reverse("policy_home")
    organisation = Organisation.objects.get(name="Riverside Food Bank")
    version = organisation.active_policy()
    assert (organisation.kind, version.source, version.document["kind"]) == ("charity", "pack:charity", "charity")
    assert organisation.memberships.get(user=erin).role == Role.ADMIN
    assert client.get(reverse("policy_home")).status_code == 200


def test_starting_an_organisation_needs_a_known_pack(db, client_for):
    from tests.factories import UserFactory

    client = client_for(UserFactory(email="frank@example.org"))
    response = client.post(reverse("organisation_new"), {"name": "X", "kind": "casino"})
    assert response.status_code == 400 and not Organisation.objects.filter(name="X").exists()


def test_starting_an_organisation_needs_sign_in(db, client):
    assert client.get(reverse("organisation_new")).status_code == 302
