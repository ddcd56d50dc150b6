"""Social accounts: list, create, edit, archive; scoped to the organisation."""

from django.urls import reverse

from policies.models import SocialAccount


def _form(council, **overrides):
    data = {
        "network": "bluesky", "handle": "@stroud.bsky.social", "display_name": "Stroud on Bluesky",
        "purpose": "Service news for residents on Bluesky.",
        "owner": council.membership(council.carol).pk,
        "posters": [council.membership(council.alice).pk],
    }
    data.update(overrides)
    return data


def test_members_see_accounts_with_purpose_and_owner(council, client_for):
    response = client_for(council.alice).get(reverse("account_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "@StroudDC" in body and "Service news for residents." in body and "Carol Lead" in body


def test_admin_adds_an_account(council, client_for):
    response = client_for(council.dave).post(reverse("account_create"), _form(council))
    assert response.status_code == 302
    account = SocialAccount.objects.get(handle="@stroud.bsky.social")
    assert list(account.posters.all()) == [council.membership(council.alice)]
    assert account.may_post(council.membership(council.alice))
    assert not account.may_post(council.membership(council.bob))


def test_duplicate_handle_on_same_network_is_refused_case_insensitively(council, client_for):
    response = client_for(council.dave).post(reverse("account_create"), _form(council, network="x", handle="@stroudDC"))
    assert response.status_code == 400
    assert "already an active X account" in response.content.decode()
    assert SocialAccount.objects.filter(organisation=council.organisation).count() == 1


def test_same_handle_on_another_network_is_fine(council, client_for):
    response = client_for(council.dave).post(reverse("account_create"), _form(council, network="facebook", handle="@StroudDC"))
    assert response.status_code == 302


def test_owner_must_be_a_lead_or_admin(council, client_for):
    response = client_for(council.dave).post(reverse("account_create"), _form(council, owner=council.membership(council.alice).pk))
    assert response.status_code == 400
    assert not SocialAccount.objects.filter(handle="@stroud.bsky.social").exists()


def test_only_admins_create_or_edit(council, client_for):
    client = client_for(council.carol)
    assert client.post(reverse("account_create"), _form(council)).status_code == 403
    assert client.get(reverse("account_edit", args=[council.account.pk])).status_code == 403


def test_admin_edits_purpose(council, client_for):
    data = _form(council, network="x", handle="@StroudDC", purpose="Emergencies only.")
    response = client_for(council.dave).post(reverse("account_edit", args=[council.account.pk]), data)
    assert response.status_code == 302
    council.account.refresh_from_db()
    assert council.account.purpose == "Emergencies only."


def test_archive_is_post_only_and_keeps_the_account(council, client_for):
    client = client_for(council.dave)
    url = reverse("account_archive", args=[council.account.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    council.account.refresh_from_db()
    assert council.account.is_archived
    assert not council.account.may_post(council.membership(council.alice))
    assert council.account not in client.get(reverse("account_list")).context["page"].object_list
    assert council.account in client.get(reverse("account_list") + "?archived=1").context["page"].object_list
    client.post(url, {"restore": "1"})
    council.account.refresh_from_db()
    assert not council.account.is_archived


def test_other_organisations_accounts_are_404(council, mallory_org, client_for):
    _, _, theirs = mallory_org
    client = client_for(council.dave)
    assert client.get(reverse("account_edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("account_archive", args=[theirs.pk])).status_code == 404
    assert theirs.handle not in client.get(reverse("account_list")).content.decode()


def test_admins_and_owners_find_the_publishing_connection_from_the_accounts_list(council, client_for):
    url = reverse("account_connection", args=[council.account.pk])
    assert url in client_for(council.dave).get(reverse("account_list")).content.decode()
    assert url in client_for(council.carol).get(reverse("account_list")).content.decode()  # the owner
    assert url not in client_for(council.alice).get(reverse("account_list")).content.decode()
