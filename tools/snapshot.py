"""Every labelled draft's full assessment as JSON lines, to show that a change meant to
change no verdict (a speed-up, a refactor) changes none.

    .venv/bin/python tools/snapshot.py write FILE        # before the change, then after
    .venv/bin/python tools/snapshot.py compare OLD NEW   # ids whose assessment differs

Reads every file in tests/data/*.jsonl and policies/packs/examples/*.jsonl, assesses each
draft as ``make eval`` does (its org_kind's starter pack, its platform, a fixed moment)
and writes one line per draft: its id and ``Assessment.as_dict()`` (findings with spans
and messages, escalations, tier). ``compare`` prints the ids present in both files whose
assessments differ, and exits 1 when there are any, 0 when there are none (2: bad input).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.eval import assess_labelled  # noqa: E402

USAGE = "usage: tools/snapshot.py write FILE | tools/snapshot.py compare OLD NEW"


def labelled_rows():
    paths = sorted([*ROOT.glob("tests/data/*.jsonl"), *ROOT.glob("policies/packs/examples/*.jsonl")])
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def write(out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in labelled_rows():
            result = assess_labelled(row["text"], row.get("org_kind", ""), row.get("platform", ""))
            handle.write(json.dumps({"id": row["id"], **result.as_dict()}, sort_keys=True, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} assessments written to {out}")
    return 0


def _read(path: Path) -> dict[str, dict]:
    lines = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            row = json.loads(line)
            lines[row["id"]] = row
        except (ValueError, KeyError, TypeError):
            raise SystemExit(f"{path}:{number}: not a line this tool wrote (JSON with an id)") from None
    return lines


def compare(old: Path, new: Path) -> int:
    before, after = _read(old), _read(new)
    common = sorted(before.keys() & after.keys())
    differ = [key for key in common if before[key] != after[key]]
    print(f"{len(common)} drafts in both; {len(differ)} assessed differently")
    for key in differ:
        print(f"  {key}")
    return 1 if differ else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "write":
        return write(Path(argv[1]))
    if len(argv) == 3 and argv[0] == "compare":
        missing = [name for name in argv[1:] if not Path(name).is_file()]
        if missing:
            print(f"tools/snapshot.py: no such file: {', '.join(missing)}", file=sys.stderr)
            return 2
        try:
            return compare(Path(argv[1]), Path(argv[2]))
        except SystemExit as error:
            print(f"tools/snapshot.py: {error}", file=sys.stderr)
            return 2
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
