"""Counts in the navigation: posts waiting for my review, unread private notes and flags
(Inbox), unread notifications (read by reviews.selectors.nav_counts_for).

Lazy, so partial htmx responses that do not show the nav cost no query.
"""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from reviews.selectors import NAV_COUNTS, nav_counts_for


def review_counts(request):
    """Counts for the navigation, computed once and only if the page shows them."""
    if getattr(request, "membership", None) is None:
        return {}
    counts = SimpleLazyObject(lambda: nav_counts_for(request))
    return {name: SimpleLazyObject(lambda name=name: counts[name]) for name in NAV_COUNTS}
