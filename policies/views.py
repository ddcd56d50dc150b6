"""Organisation pages: dashboard, members and invitations, social accounts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from policies import services
from policies.forms import AcceptInvitationForm, InviteForm, RoleForm, SocialAccountForm
from policies.middleware import SESSION_KEY
from policies.models import Invitation, Membership, Role, SocialAccount, User
from policies.permissions import get_for_org, member_required


@require_GET
def healthz(request):
    """Liveness and readiness: the database must answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        return JsonResponse({"status": "error", "database": str(exc.__class__.__name__)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def no_organisation(request):
    if not request.user.is_authenticated:
        return redirect("login")
    if request.membership is not None:
        return redirect("dashboard")
    return render(request, "policies/no_organisation.html", status=403)


@member_required()
def dashboard(request):
    accounts = _accounts_with_people(request).active()
    mine = set(SocialAccount.objects.postable_by(request.membership).values_list("pk", flat=True))
    return render(request, "policies/dashboard.html", {"accounts": accounts, "mine": mine})


@require_POST
def organisation_switch(request):
    if not request.user.is_authenticated:
        return redirect("login")
    membership = get_object_or_404(Membership, user=request.user, organisation_id=request.POST.get("organisation"))
    request.session[SESSION_KEY] = membership.organisation_id
    messages.success(request, f"You are now working in {membership.organisation}.")
    return redirect("dashboard")


# --- Members ---------------------------------------------------------------------------


@member_required()
def member_list(request):
    members = Membership.objects.filter(organisation=request.organisation).select_related("user").order_by("user__name")
    page = Paginator(members, 50).get_page(request.GET.get("page"))
    invitations = []
    if request.membership.is_admin:
        invitations = [i for i in Invitation.objects.filter(organisation=request.organisation, accepted_at__isnull=True, revoked_at__isnull=True) if i.is_open]
    return render(request, "policies/member_list.html", {
        "page": page, "invitations": invitations, "roles": Role.choices, "invite_form": InviteForm(),
    })


@member_required(Role.ADMIN)
def member_invite(request):
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_invite(organisation=request.organisation, email=form.cleaned_data["email"],
                                   role=form.cleaned_data["role"], by=request.membership)
        except services.DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
            return redirect("member_list")
    return render(request, "policies/member_invite.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@member_required(Role.ADMIN)
def member_role(request, pk: int):
    membership = get_for_org(Membership, request, pk=pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles offered.")
        return redirect("member_list")
    try:
        services.membership_change_role(membership=membership, role=form.cleaned_data["role"], by=request.membership)
    except services.DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{membership.user} is now {Role(form.cleaned_data['role']).label}.")
    return redirect("member_list")


@require_POST
@member_required(Role.ADMIN)
def member_remove(request, pk: int):
    membership = get_for_org(Membership, request, pk=pk)
    try:
        services.membership_remove(membership=membership, by=request.membership)
    except services.DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{membership.user} was removed from {request.organisation}.")
    return redirect("member_list")


@require_POST
@member_required(Role.ADMIN)
def invitation_revoke(request, pk: int):
    invitation = get_for_org(Invitation, request, pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.membership)
    except services.DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Invitation for {invitation.email} revoked.")
    return redirect("member_list")


def invitation_accept(request, token: str):
    """Open to anyone holding the link; someone who already has an account signs in first."""
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if not invitation.is_open:
        return render(request, "policies/invitation_closed.html", {"invitation": invitation}, status=410)
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                membership = services.invitation_accept(invitation=invitation, user=request.user)
            except services.DomainError as exc:
                messages.error(request, exc.message)
                return redirect("invitation_accept", token=token)
            return _welcome(request, membership)
        return render(request, "policies/invitation_accept.html", {"invitation": invitation, "signed_in": True})
    if User.objects.filter(email__iexact=invitation.email).exists():
        return render(request, "policies/invitation_accept.html", {"invitation": invitation, "needs_sign_in": True})
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.invitation_accept(
                invitation=invitation, name=form.cleaned_data["name"], password=form.cleaned_data["password1"]
            )
        except services.DomainError as exc:
            form.add_error(None, exc.message)
        else:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            return _welcome(request, membership)
    return render(request, "policies/invitation_accept.html", {"invitation": invitation, "form": form},
                  status=400 if form.errors else 200)


def _welcome(request, membership: Membership):
    request.session[SESSION_KEY] = membership.organisation_id
    messages.success(request, f"Welcome to {membership.organisation}.")
    return redirect("dashboard")


# --- Accounts --------------------------------------------------------------------------


def _accounts_with_people(request):
    return (
        SocialAccount.objects.filter(organisation=request.organisation)
        .select_related("owner__user")
        .prefetch_related(Prefetch("posters", queryset=Membership.objects.select_related("user")))
    )


@member_required()
def account_list(request):
    archived = request.GET.get("archived") == "1"
    accounts = _accounts_with_people(request)
    accounts = accounts.filter(archived_at__isnull=not archived)
    page = Paginator(accounts, 25).get_page(request.GET.get("page"))
    return render(request, "policies/account_list.html", {"page": page, "archived": archived})


@member_required(Role.ADMIN)
def account_create(request):
    return _account_form(request, SocialAccount())


@member_required(Role.ADMIN)
def account_edit(request, pk: int):
    return _account_form(request, get_for_org(SocialAccount, request, pk=pk))


def _account_form(request, account: SocialAccount):
    created = account.pk is None
    form = SocialAccountForm(request.POST or None, instance=account, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_save(account=form.save(commit=False), posters=form.cleaned_data["posters"],
                                  by=request.membership, created=created)
        except services.DomainError as exc:
            form.add_error(exc.field, exc.message)
        else:
            messages.success(request, f"{'Added' if created else 'Saved'} {account.handle}.")
            return redirect("account_list")
    return render(request, "policies/account_form.html", {"form": form, "account": account, "created": created},
                  status=400 if form.errors else 200)


@require_POST
@member_required(Role.ADMIN)
def account_archive(request, pk: int):
    account = get_for_org(SocialAccount, request, pk=pk)
    restore = request.POST.get("restore") == "1"
    try:
        services.account_archive(account=account, by=request.membership, archived=not restore)
    except services.DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{account.handle} {'restored' if restore else 'archived'}.")
    return redirect("account_list")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception) if exception else ""}, status=403)
