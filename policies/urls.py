from django.urls import path

from policies import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("no-organisation/", views.no_organisation, name="no_organisation"),
    path("switch/", views.organisation_switch, name="organisation_switch"),
    path("members/", views.member_list, name="member_list"),
    path("members/invite/", views.member_invite, name="member_invite"),
    path("members/<int:pk>/role/", views.member_role, name="member_role"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("join/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("accounts/", views.account_list, name="account_list"),
    path("accounts/new/", views.account_create, name="account_create"),
    path("accounts/<int:pk>/edit/", views.account_edit, name="account_edit"),
    path("accounts/<int:pk>/archive/", views.account_archive, name="account_archive"),
]
