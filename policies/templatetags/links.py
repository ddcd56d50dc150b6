"""Links reversed once per process, not once per use.

``{% url %}`` runs Django's resolver each time: cheap once, but the navigation has a dozen
links on every page and a list has one per row. URL patterns do not change while the
process runs, so each is reversed once (per script prefix) and filled in by formatting.
"""

from __future__ import annotations

import functools

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()

_PLACEHOLDER = 918273645  # an id no row has, swapped for "{}" in the reversed URL


@functools.cache
def _pattern(name: str, prefix: str) -> str:
    return reverse(name, args=[_PLACEHOLDER]).replace(str(_PLACEHOLDER), "{}")


@functools.cache
def _plain(name: str, prefix: str) -> str:
    return reverse(name)


def link_pattern(name: str) -> str:
    """``reverse(name, args=[pk])`` as a format string with ``{}`` for the id: for a list
    that links every row, so the script prefix is looked up once, not once a row."""
    return _pattern(name, get_script_prefix())


def url_with_pk(name: str, pk: int) -> str:
    """``reverse(name, args=[pk])`` for a pattern whose only argument is an integer id."""
    return _pattern(name, get_script_prefix()).format(int(pk))


def plain_url(name: str) -> str:
    """``reverse(name)`` for a pattern without arguments."""
    return _plain(name, get_script_prefix())


@register.filter
def pk_url(pk: int, name: str) -> str:
    """``{{ post.pk|pk_url:"post_detail" }}``."""
    return url_with_pk(name, pk)


@register.simple_tag
def nav_url(name: str) -> str:
    """``{% nav_url "dashboard" as u %}``: a link without arguments."""
    return plain_url(name)
