"""The expected structure of a release as a golden value: headline, dateline, units and roles.

Shared by the corpus test and the script that (re)writes the golden files, so that both state
the structure the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pressflow.segment import segment_release
from pressflow.structure import read_structured

CORPUS = Path(__file__).parent / "data" / "releases"
GOLDEN = Path(__file__).parent / "data" / "releases-expected"


def structure_of(path: Path) -> dict[str, Any]:
    """What a reader and the segmenter make of one release file, as plain data."""
    release = read_structured(path, rel_path=f"releases/{path.name}")
    segments = segment_release(release)
    dateline = release.dateline
    return {
        "headline": release.title,
        "date": release.date.isoformat() if release.date else None,
        "place": dateline.place if dateline else "",
        "time": bool(dateline and dateline.has_time),
        "units": [[s.kind, s.text] + (["foreign"] if s.flags else []) for s in segments],
        "roles": [[b.role, b.label, b.text] for b in release.blocks if b.role],
        "problems": [[p.check, p.line] for p in release.problems],
    }


def write_goldens() -> None:
    import json

    GOLDEN.mkdir(exist_ok=True)
    for path in sorted(CORPUS.iterdir()):
        text = json.dumps(structure_of(path), ensure_ascii=False, indent=1) + "\n"
        (GOLDEN / f"{path.name}.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_goldens()
