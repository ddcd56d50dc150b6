"""The review queue's rows (``{% queue_rows %}``), filter menus (``{% filter_options %}``)
and page links (``{% queue_pagination %}``), each rendered in one pass.

Each of a page's 25 rows cost about ten template variable lookups, filters and escapes,
which made rendering the rows most of the queue's time (profiled under the web bench).
The rows are built in one pass. What people typed (the tier, handle, author and excerpt
come from the database) is escaped just as the template did (``conditional_escape``'s
rule, without its lazy-string wrappers); numbers, ages in words and the link are ours and
hold nothing to escape, so they are not passed through ``escape`` 125 times a page.
"""

from __future__ import annotations

from html import escape

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from policies.templatetags.links import link_pattern
from policies.templatetags.timing import ago_at

register = template.Library()

_ROW = (
    '<li class="panel">\n'
    '    <p><span class="tier tier-{0}">{0}</span>\n'
    '      <strong>{1}</strong> · by {2} · submitted {3}\n'
    '      · {4} of {5} approval{6}</p>\n'
    '    <p><a href="{7}">{8}</a></p>\n'
    "  </li>"
)


def _escaped(value) -> str:
    """``conditional_escape``: markup already made safe stays as it is, the rest is escaped."""
    html = getattr(value, "__html__", None)
    return html() if html is not None else escape(str(value))


@register.simple_tag
def queue_rows(rows) -> SafeString:
    # The reversed link escaped once (a script prefix could hold "&"); the ids are digits.
    link = escape(link_pattern("post_detail"))
    now = timezone.now()
    return mark_safe("\n  ".join(  # safe: text from the database goes through _escaped; the rest is ours
        _ROW.format(
            _escaped(row.tier), _escaped(row.handle), _escaped(row.author), ago_at(row.submitted_at, now),
            int(row.approvals), int(row.required_approvals), "" if row.required_approvals == 1 else "s",
            link.format(int(row.pk)), _escaped(row.excerpt))
        for row in rows
    ))


_OPTION = '<option value="{0}"{1}>{2}</option>'


@register.simple_tag
def filter_options(choices, selected) -> SafeString:
    """``<option>``s for a filter menu from (value, label) pairs, ``selected`` marked: what
    ``{% for value, label in choices %}<option value="{{ value }}"{% if value == selected %}
    selected{% endif %}>{{ label }}</option>{% endfor %}`` rendered, in one pass."""
    return mark_safe("".join(  # safe: every value and label goes through _escaped
        _OPTION.format(_escaped(value), " selected" if value == selected else "", _escaped(label))
        for value, label in choices
    ))


_PAGES = '\n<nav class="pagination" aria-label="Pages">\n  {0}\n  <span>Page {1} of {2}</span>\n  {3}\n</nav>\n\n'
_PAGE_LINK = '<a href="?{0}page={1}" rel="{2}">{3}</a>'


@register.simple_tag
def queue_pagination(page, page_params: str) -> SafeString:
    """``{% include "includes/pagination.html" %}`` for the queue, in one pass instead of an
    include and a dozen lookups (the queue has no "archived" switch). The tests hold the
    two to the same output."""
    if not page.has_other_pages():
        return mark_safe("\n")
    params = escape(page_params) + "&amp;" if page_params else ""
    return mark_safe(_PAGES.format(  # safe: the parameters are escaped; the rest are numbers
        _PAGE_LINK.format(params, int(page.previous_page_number()), "prev", "Previous") if page.has_previous() else "",
        int(page.number), int(page.paginator.num_pages),
        _PAGE_LINK.format(params, int(page.next_page_number()), "next", "Next") if page.has_next() else "",
    ))
