"""A policy as one readable file, for review in a change-control process.

``export_policy`` writes a version's document as YAML (or JSON) with its keys in a fixed,
readable order, so the same document always gives the same file whatever the database
did to key order. ``parse_policy_file`` reads such a file back; every problem it finds,
the syntax or the policy's own validation, names the line of the file it comes from
(YAML node marks give each key's line), so export → import → export is identical and a
reviewer can go straight to the line at fault.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from policies.engine.errors import PolicyError, PolicyProblem

FORMATS = ("yaml", "json")
MAX_FILE_BYTES = 2_000_000

# Keys in the order a person reads a policy; anything else follows, alphabetically.
_ORDER = {
    (): ["schema", "kind", "name", "description", "timezone", "tiers", "escalation", "checks", "partners",
         "rules", "examples", "accounts"],
    ("tiers",): ["low", "medium", "high", "flag_escalation_hours", "publishing_lateness_minutes"],
    ("rules", "*"): ["id", "kind", "severity", "message", "description", "accounts", "networks", "terms", "when",
                     "require", "pattern", "flags", "block", "allow", "start", "end", "daily", "weekdays",
                     "topics", "raise_by"],
    ("examples", "*"): ["id", "text", "tier", "platform", "at", "why", "checks", "risky"],
    ("accounts", "*"): ["handle", "network", "display_name", "purpose", "owner", "posters"],
    ("escalation",): ["combine", "quasi_identifiers"],
}
_HEADER = (
    "# Countersign policy{title}. Edit it, then import it as a new draft version:\n"
    "# the import checks every rule and names the line of anything it cannot use.\n"
)


def _ordered(value: Any, path: tuple[str, ...] = ()) -> Any:
    if isinstance(value, dict):
        preferred = _ORDER.get(path, [])
        keys = [k for k in preferred if k in value] + sorted(k for k in value if k not in preferred)
        return {key: _ordered(value[key], (*path, key)) for key in keys}
    if isinstance(value, list):
        return [_ordered(item, (*path, "*")) for item in value]
    return value


class _Dumper(yaml.SafeDumper):
    """Block style throughout, long text folded only where yaml must."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):  # noqa: FBT001, FBT002
        # indent list items under their key: easier to read and to diff
        return super().increase_indent(flow, False)


def _str_representer(dumper: yaml.SafeDumper, data: str):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)


def export_policy(document: dict[str, Any], *, fmt: str = "yaml", title: str = "") -> str:
    """The document as a file's text: YAML with a short header, or indented JSON."""
    ordered = _ordered(document)
    if fmt == "json":
        return json.dumps(ordered, indent=2, ensure_ascii=False) + "\n"
    if fmt != "yaml":
        raise ValueError(f"unknown format {fmt!r}: use yaml or json")
    body = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return _HEADER.format(title=f": {title}" if title else "") + body


class _Loader(yaml.SafeLoader):
    """Safe YAML, but dates and times stay the text the admin wrote (the document is JSON)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class ParsedFile:
    """A policy document read from a file, with the line of each key for error messages."""

    document: dict[str, Any]
    lines: dict[tuple[str | int, ...], int]
    fmt: str

    def line_of(self, problem: PolicyProblem) -> int | None:
        """The line a validation problem points at: its field's line, else its rule's."""
        path = list(_path(problem.where)) + list(_path(problem.field))
        while path:
            line = self.lines.get(tuple(path))
            if line is not None:
                return line
            path.pop()
        return None


_TOKEN = re.compile(r"\[(\d+)\]|([A-Za-z_][A-Za-z0-9_]*)")


def _path(text: str) -> list[str | int]:
    """``rules[3] (id 'x')`` → ["rules", 3]; ``daily.from`` → ["daily", "from"]; ``policy`` → []."""
    text = text.split(" (", 1)[0]
    if text == "policy":
        return []
    return [int(index) if index else name for index, name in _TOKEN.findall(text)]


def _node_lines(node: yaml.Node, path: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, key.value if isinstance(key, yaml.ScalarNode) else str(key.value))
            out[child] = key.start_mark.line + 1
            _node_lines(value, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[(*path, index)] = item.start_mark.line + 1
            _node_lines(item, (*path, index), out)


def _syntax_error(line: int | None, message: str) -> PolicyError:
    where = f"line {line}" if line else "file"
    return PolicyError([PolicyProblem(where, "file", message)])


def parse_policy_file(text: str | bytes) -> ParsedFile:
    """Read a YAML or JSON policy file; raise PolicyError naming the line on bad syntax.

    Validation of the policy itself is the caller's (it also needs the organisation);
    :func:`locate` then adds line numbers to its problems.
    """
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise _syntax_error(None, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _syntax_error(None, f"the file is not UTF-8 text (byte {error.start})") from None
    fmt = "json" if text.lstrip().startswith("{") else "yaml"
    if fmt == "json":
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise _syntax_error(error.lineno, f"not valid JSON: {error.msg} (column {error.colno})") from None
    else:
        try:
            document = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error)
            raise _syntax_error(mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    if not isinstance(document, dict):
        raise _syntax_error(1, "the file must hold a policy: a mapping with rules, tiers and examples")
    lines: dict[tuple[str | int, ...], int] = {}
    try:
        node = yaml.compose(text, Loader=_Loader)  # noqa: S506 - JSON is YAML too, for the marks
    except yaml.YAMLError:
        node = None  # JSON that YAML cannot read (tabs): the problems go without lines
    if node is not None:
        _node_lines(node, (), lines)
    # anything YAML still turned into a non-JSON value (e.g. a set) becomes text
    document = json.loads(json.dumps(document, default=str))
    return ParsedFile(document=document, lines=lines, fmt=fmt)


def locate(error: PolicyError, parsed: ParsedFile) -> PolicyError:
    """The same problems, each prefixed with the line of the file it comes from."""
    located = []
    for problem in error.errors:
        line = parsed.line_of(problem)
        where = f"line {line}: {problem.where}" if line else problem.where
        located.append(PolicyProblem(where, problem.field, problem.message))
    return PolicyError(located)
