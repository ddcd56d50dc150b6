from django.urls import path

from posts import views

urlpatterns = [
    path("compose/", views.compose, name="compose"),
    path("compose/check/", views.live_check, name="live_check"),
    path("posts/", views.post_list, name="post_list"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/autosave/", views.post_autosave, name="post_autosave"),
    path("posts/<int:pk>/submit/", views.post_submit, name="post_submit"),
    path("posts/<int:pk>/withdraw/", views.post_withdraw, name="post_withdraw"),
]

from posts import views_policy  # noqa: E402

urlpatterns += [
    path("policy/v/<int:number>/dry-run/", views_policy.policy_dry_run_start, name="policy_dry_run_start"),
    path("policy/v/<int:number>/dry-run/<int:pk>/", views_policy.policy_dry_run, name="policy_dry_run"),
]
