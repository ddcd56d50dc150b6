"""tools/snapshot.py compare: which labelled drafts a change assessed differently."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "tools/snapshot.py", *args], cwd=ROOT, capture_output=True, text=True)


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_compare_names_the_drafts_assessed_differently(tmp_path: Path) -> None:
    old = _write(tmp_path / "old.jsonl", [{"id": "a", "tier": "low"}, {"id": "b", "tier": "high"}, {"id": "gone", "tier": "low"}])
    new = _write(tmp_path / "new.jsonl", [{"tier": "low", "id": "a"}, {"id": "b", "tier": "medium"}])
    done = _run("compare", str(old), str(new))
    assert done.returncode == 1
    assert "2 drafts in both; 1 assessed differently" in done.stdout
    assert "  b\n" in done.stdout


def test_compare_of_equal_snapshots_exits_0(tmp_path: Path) -> None:
    rows = [{"id": "a", "tier": "low", "findings": [{"check": "tone", "message": "“quoted”"}]}]
    done = _run("compare", str(_write(tmp_path / "x.jsonl", rows)), str(_write(tmp_path / "y.jsonl", rows)))
    assert done.returncode == 0, done.stderr


def test_bad_input_exits_2_with_a_message(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.jsonl", [{"id": "a"}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"no id": 1}\n', encoding="utf-8")
    assert _run().returncode == 2
    missing = _run("compare", str(good), str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    unreadable = _run("compare", str(bad), str(good))
    assert unreadable.returncode == 2 and "bad.jsonl:1" in unreadable.stderr
