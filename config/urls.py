from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from policies import views as policy_views

urlpatterns = [
    path("healthz", policy_views.healthz, name="healthz"),
    path("signin/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("signout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password-reset/", auth_views.PasswordResetView.as_view(
        email_template_name="registration/password_reset_email.txt",
        html_email_template_name="registration/password_reset_email.html"), name="password_reset"),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password-reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("django-admin/", admin.site.urls),
    path("", include("policies.urls")),
    path("", include("posts.urls")),
    path("", include("posts.publishing_urls")),
    path("", include("reviews.urls")),
]

handler404 = "policies.views.page_not_found"
handler403 = "policies.views.permission_denied"
