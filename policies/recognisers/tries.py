"""Word lists as regex tries: at most one branch followed, not every word tried in turn.

``re`` tries the alternatives of ``(?:one|two|three|...|ninety)`` one after another at
every position it reaches; a trie, ``(?:t(?:w(?:o|elve|enty)|h(?:ree|irteen|irty)|en)|...)``,
starts its branches with different characters, so at most one is followed. Two
orders are offered, because the order of a list decides which word wins where one word
begins another and both would fit:

- ``longest_first``: the longest such word wins ("in arrears" over "in");
- ``in_order``: exactly as the list reads, so a pattern keeps its matches when its
  list becomes a trie.
"""

from __future__ import annotations

import re

_END = ""  # marks a node where a word ends (no real unit is empty)


def longest_first(words) -> str:
    """A regex for any of ``words`` (case-folded; a space stands for any run of spaces),
    preferring the longest where one word starts another."""
    trie: dict = {}
    for word in {w.lower() for w in words}:
        node = trie
        for token in re.split(r"( )", word):
            for unit in [token] if token == " " else token:
                node = node.setdefault(unit, {})
        node[_END] = {}
    return _render_longest(trie)


def _render_longest(node: dict) -> str:
    branches = [(r"\s+" if unit == " " else re.escape(unit)) + _render_longest(child)
                for unit, child in sorted(node.items()) if unit != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word ending here: try the longer words through this node first (greedy ?).
    return f"(?:{body})?" if _END in node else body


def in_order(words) -> str:
    """A regex matching what ``(?:w1|w2|...)`` matches, where the same words win.

    Words that start with different characters can never both match at one position,
    so only a word that is the beginning of another needs its place kept: the empty
    branch for "six" comes before the branches to "sixteen" and "sixty" when "six" was
    listed first. Characters are escaped (spaces too, which a VERBOSE pattern would
    otherwise drop). ValueError if a word sits between longer words it begins, which
    no trie can order ("sixty|six|sixteen").
    """
    trie: dict = {}
    for index, word in enumerate(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node.setdefault(_END, index)
    return _render_in_order(trie)


def _render_in_order(node: dict) -> str:
    branches = [(char, re.escape(char) + _render_in_order(child), _first(child))
                for char, child in node.items() if char != _END]
    if _END in node:
        ends_at = node[_END]
        if any(min_index < ends_at < _last(node[char]) for char, _, min_index in branches):
            raise ValueError("a word is listed between longer words it begins; list it first or last")
        before = [b for b in branches if b[2] < ends_at]
        after = [b for b in branches if b[2] > ends_at]
        options = [b[1] for b in before] + [""] + [b[1] for b in after]
    else:
        options = [b[1] for b in branches]
    if len(options) == 1:
        return options[0]
    return "(?:" + "|".join(options) + ")"


def _first(node: dict) -> int:
    return min(value if char == _END else _first(value) for char, value in node.items())


def _last(node: dict) -> int:
    return max(value if char == _END else _last(value) for char, value in node.items())
