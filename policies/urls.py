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

from policies import views_policy  # noqa: E402

urlpatterns += [
    path("organisations/new/", views_policy.organisation_new, name="organisation_new"),
    path("policy/", views_policy.policy_home, name="policy_home"),
    path("policy/drafts/new/", views_policy.policy_draft_create, name="policy_draft_create"),
    path("policy/import/", views_policy.policy_import, name="policy_import"),
    path("policy/compare/", views_policy.policy_compare, name="policy_compare"),
    path("policy/pattern-try/", views_policy.policy_pattern_try, name="policy_pattern_try"),
    path("policy/v/<int:number>/", views_policy.policy_version, name="policy_version"),
    path("policy/v/<int:number>/discard/", views_policy.policy_draft_discard, name="policy_draft_discard"),
    path("policy/v/<int:number>/activate/", views_policy.policy_activate, name="policy_activate"),
    path("policy/v/<int:number>/export/", views_policy.policy_export, name="policy_export"),
    path("policy/v/<int:number>/examples/", views_policy.policy_examples, name="policy_examples"),
    path("policy/v/<int:number>/examples/add/", views_policy.policy_example_add, name="policy_example_add"),
    path("policy/v/<int:number>/examples/<int:position>/delete/", views_policy.policy_example_delete,
         name="policy_example_delete"),
    path("policy/v/<int:number>/tiers/", views_policy.policy_tiers_edit, name="policy_tiers_edit"),
    path("policy/v/<int:number>/rules/new/<slug:kind>/", views_policy.policy_rule_edit, name="policy_rule_add"),
    path("policy/v/<int:number>/rules/<str:rule_id>/edit/", views_policy.policy_rule_edit, name="policy_rule_edit"),
    path("policy/v/<int:number>/rules/<str:rule_id>/delete/", views_policy.policy_rule_delete,
         name="policy_rule_delete"),
]
