"""View guards: who may reach a view, and organisation-scoped lookups that 404 elsewhere."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect

from policies.models import Role


def member_required(role: str = Role.AUTHOR):
    """Require a signed-in member of the current organisation holding ``role`` or above.

    Anonymous visitors go to sign-in; people with no organisation see a page saying so;
    a member whose role is too low gets 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                if getattr(request, "htmx", False):
                    # A redirect would be followed and the sign-in page swapped into the
                    # panel; 401 lets the page say "signed out, your text is kept".
                    return HttpResponse("You have been signed out.", status=401)
                return redirect_to_login(request.get_full_path())
            if request.membership is None:
                return redirect("no_organisation")
            if not request.membership.has_role(role):
                raise PermissionDenied(f"This needs the {Role(role).label} role or above.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def get_for_org(queryset_or_model, request, **lookup):
    """Fetch one object of the current organisation; anything else is a 404."""
    return get_object_or_404(queryset_or_model, organisation=request.organisation, **lookup)


# A primary key is a PostgreSQL bigint: 18 digits always fit.
MAX_ID_DIGITS = 18


def requested_id(value: str | None) -> int | None:
    """An object id from a query or form parameter, or None when it is not one.

    ``str.isdigit`` accepts "¹" and "²", which ``int`` refuses, and a long run of digits
    overflows the database's integer: both used to end in a server error.
    """
    if value and value.isdecimal() and len(value) <= MAX_ID_DIGITS:
        return int(value)
    return None
