"""Identifier recall on the Text Anonymization Benchmark (TAB) train + dev documents.

An entity (DIRECT or QUASI; NO_MASK entities are harmless and not counted) is found
when any span the recognisers return overlaps it, whatever severity the checks would
later give it (recall mode). Figures are printed for the train and dev splits
separately and per entity type; dev is held out from every training and tuning step.
Precision is printed too (share of found spans overlapping any annotated entity,
including NO_MASK ones) so a "flag everything" recogniser cannot hide.

Usage: python tools/eval_tab.py [--split dev] [--misses 20]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policies.recognisers import find_identifiers  # noqa: E402

SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
if not (SHARED / "data").exists():
    SHARED = Path("/work/shared")
TAB = SHARED / "data" / "tab" / "tab_train_dev.jsonl"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["train", "dev", "all"], default="all")
    parser.add_argument("--misses", type=int, default=0, help="print N missed entities")
    parser.add_argument("--type", default="", help="only show misses of this entity type")
    args = parser.parse_args(argv)

    docs = [json.loads(line) for line in TAB.read_text(encoding="utf-8").splitlines()]
    found = collections.Counter()
    total = collections.Counter()
    spans_total = collections.Counter()
    spans_on_entity = collections.Counter()
    misses: list[str] = []
    started = time.perf_counter()
    chars = 0
    for doc in docs:
        split = doc["metadata"]["provenance"]["dataset_type"]
        if args.split != "all" and split != args.split:
            continue
        text = doc["text"]
        chars += len(text)
        spans = [(s.start, s.end) for s in find_identifiers(text)]
        every_entity = [(e["start_offset"], e["end_offset"]) for e in doc["entities"]]
        spans_total[split] += len(spans)
        spans_on_entity[split] += sum(1 for s, e in spans if _overlaps(every_entity, s, e))
        for ent in doc["entities"]:
            if ent["identifier_type"] == "NO_MASK":
                continue
            key_all, key_type = (split, "ALL"), (split, ent["entity_type"])
            total[key_all] += 1
            total[key_type] += 1
            if _overlaps(spans, ent["start_offset"], ent["end_offset"]):
                found[key_all] += 1
                found[key_type] += 1
            elif not args.type or args.type == ent["entity_type"]:
                s, e = ent["start_offset"], ent["end_offset"]
                context = text[max(0, s - 50) : s] + "[[" + text[s:e] + "]]" + text[e : e + 30]
                misses.append(f"{split} {ent['entity_type']}: " + context.replace("\n", " "))
    elapsed = time.perf_counter() - started

    splits = sorted({k[0] for k in total})
    types = sorted({k[1] for k in total if k[1] != "ALL"})
    print(f"{'entity type':<12}" + "".join(f"{s:>22}" for s in splits))
    for t in ["ALL", *types]:
        row = f"{t:<12}"
        for s in splits:
            n = total[(s, t)]
            row += f"{found[(s, t)] / n if n else 0:>14.3f} ({found[(s, t)]:>4}/{n:<4})" if n else " " * 22
        print(row)
    for s in splits:
        prec = spans_on_entity[s] / spans_total[s] if spans_total[s] else 0
        print(f"{s}: span precision (spans touching any annotated entity) {prec:.3f}")
    n_all = sum(total[(s, "ALL")] for s in splits)
    f_all = sum(found[(s, "ALL")] for s in splits)
    print(f"\nOVERALL identifier recall ({'+'.join(splits)}): {f_all / n_all:.3f} ({f_all}/{n_all})")
    for s in splits:
        print(f"  {s}: {found[(s, 'ALL')] / total[(s, 'ALL')]:.3f}")
    print(f"speed: {chars / elapsed / 1000:.0f} k chars/s")
    if args.misses:
        random.seed(0)
        for line in random.sample(misses, min(args.misses, len(misses))):
            print("MISS", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
