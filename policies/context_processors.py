from __future__ import annotations

from django.utils.functional import SimpleLazyObject


def membership(request):
    """The current membership and the person's other organisations (for the switcher).

    The list is lazy: partial responses (htmx) that never show the switcher never query it.
    """
    current = getattr(request, "membership", None)

    def others():
        if current is None:
            return []
        return [m.organisation for m in request.user.memberships.select_related("organisation").exclude(pk=current.pk)]

    return {
        "membership": current,
        "organisation": getattr(request, "organisation", None),
        "other_organisations": SimpleLazyObject(others),
    }
