"""Resolve the signed-in person's current organisation on every request.

The membership is read afresh each time, so removing a member or changing their role
takes effect on their very next request.
"""

from __future__ import annotations

from policies.models import Membership

SESSION_KEY = "current_organisation_id"


class CurrentMembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.organisation = None
        request.other_memberships = []
        if request.user.is_authenticated:
            # All of this person's memberships in one query: the current one, and the others
            # for the organisation switcher (a handful of rows at most).
            memberships = list(
                Membership.objects.filter(user=request.user).select_related("organisation").order_by("organisation__name")
            )
            wanted = request.session.get(SESSION_KEY)
            membership = next((m for m in memberships if m.organisation_id == wanted), None)
            if membership is None:
                membership = memberships[0] if memberships else None
                if membership is not None:
                    request.session[SESSION_KEY] = membership.organisation_id
                else:
                    request.session.pop(SESSION_KEY, None)
            if membership is not None:
                membership.user = request.user  # the same person: no second query for member.user
            request.membership = membership
            request.organisation = membership.organisation if membership else None
            request.other_memberships = [m for m in memberships if m is not membership]
        return self.get_response(request)
