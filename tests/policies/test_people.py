"""Members and invitations: success, wrong method, wrong role, other organisation, bad input."""

import pytest
from django.core import mail
from django.urls import reverse

from policies.models import AuditEvent, Invitation, Membership, Role


def test_admin_invites_a_person_by_email(council, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(council.dave).post(reverse("member_invite"), {"email": "Erin@Council.example", "role": "reviewer"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(organisation=council.organisation)
    assert (invitation.email, invitation.role) == ("erin@council.example", "reviewer")
    assert len(mail.outbox) == 1
    assert invitation.token in mail.outbox[0].body
    assert AuditEvent.objects.filter(verb="member.invited").exists()


@pytest.mark.parametrize("email, message", [
    ("not-an-email", "Enter a valid email address"),
    ("alice@council.example", "already a member"),
])
def test_invitation_bad_input_is_explained_and_nothing_saved(council, client_for, email, message):
    response = client_for(council.dave).post(reverse("member_invite"), {"email": email, "role": "author"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert email in response.content.decode()  # what was typed is kept
    assert not Invitation.objects.exists()


def test_second_open_invitation_to_same_address_is_refused(council, client_for):
    client = client_for(council.dave)
    client.post(reverse("member_invite"), {"email": "erin@council.example", "role": "author"})
    response = client.post(reverse("member_invite"), {"email": "ERIN@council.example", "role": "lead"})
    assert response.status_code == 400
    assert "already has an open invitation" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_only_admins_invite(council, client_for):
    response = client_for(council.carol).post(reverse("member_invite"), {"email": "x@y.example", "role": "author"})
    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_new_person_accepts_invitation_and_lands_in_the_organisation(council, client):
    invitation = Invitation.objects.create(organisation=council.organisation, email="erin@council.example", role="reviewer")
    url = reverse("invitation_accept", args=[invitation.token])
    bad = client.post(url, {"name": "Erin", "password1": "a-long-pass-phrase-1", "password2": "different-phrase-2"})
    assert bad.status_code == 400 and "The two passwords differ" in bad.content.decode()
    response = client.post(url, {"name": "Erin Evans", "password1": "a-long-pass-phrase-1", "password2": "a-long-pass-phrase-1"})
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="erin@council.example")
    assert membership.role == "reviewer" and membership.organisation == council.organisation
    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(url).status_code == 410  # used once only


def test_existing_person_must_sign_in_as_the_invited_address(council, mallory, client_for):
    invitation = Invitation.objects.create(organisation=council.organisation, email=mallory.email, role="author")
    url = reverse("invitation_accept", args=[invitation.token])
    response = client_for(council.alice).post(url)
    assert response.status_code == 302
    assert not Membership.objects.filter(user=council.alice, organisation=council.organisation, role="author").exclude(pk=council.membership(council.alice).pk).exists()
    assert not Membership.objects.filter(user=mallory, organisation=council.organisation).exists()
    client_for(mallory).post(url)
    assert Membership.objects.filter(user=mallory, organisation=council.organisation).exists()


def test_admin_changes_a_role(council, client_for):
    bob = council.membership(council.bob)
    response = client_for(council.dave).post(reverse("member_role", args=[bob.pk]), {"role": "lead"})
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.role == Role.LEAD


def test_role_change_that_leaves_no_admin_is_refused(council, client_for):
    dave = council.membership(council.dave)
    client = client_for(council.dave)
    response = client.post(reverse("member_role", args=[dave.pk]), {"role": "reviewer"}, follow=True)
    assert "no admin" in response.content.decode()
    dave.refresh_from_db()
    assert dave.role == Role.ADMIN


def test_state_changes_refuse_get(council, client_for):
    bob = council.membership(council.bob)
    client = client_for(council.dave)
    assert client.get(reverse("member_role", args=[bob.pk])).status_code == 405
    assert client.get(reverse("member_remove", args=[bob.pk])).status_code == 405


def test_other_organisations_members_are_404(council, mallory, client_for):
    other = Membership.objects.get(user=mallory)
    client = client_for(council.dave)
    assert client.post(reverse("member_role", args=[other.pk]), {"role": "author"}).status_code == 404
    assert client.post(reverse("member_remove", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.role == Role.ADMIN


def test_removal_takes_effect_on_the_next_request(council, client_for):
    alice_client = client_for(council.alice)
    assert alice_client.get(reverse("dashboard")).status_code == 200
    client_for(council.dave).post(reverse("member_remove", args=[council.membership(council.alice).pk]))
    response = alice_client.get(reverse("dashboard"))
    assert response.status_code == 302 and response.url == reverse("no_organisation")
    assert not Membership.objects.filter(user=council.alice).exists()


def test_lead_cannot_remove_members(council, client_for):
    response = client_for(council.carol).post(reverse("member_remove", args=[council.membership(council.alice).pk]))
    assert response.status_code == 403
    assert Membership.objects.filter(user=council.alice).exists()
