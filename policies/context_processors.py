from __future__ import annotations


def membership(request):
    """The current membership and the person's other organisations (for the switcher),
    both read by CurrentMembershipMiddleware in its one query."""
    return {
        "membership": getattr(request, "membership", None),
        "organisation": getattr(request, "organisation", None),
        "other_organisations": [m.organisation for m in getattr(request, "other_memberships", [])],
    }
