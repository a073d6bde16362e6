"""Snapshot the book's results and compare two snapshots (issue 9: the refactor changes no result).

A snapshot holds every glued value of every executed notebook (key → text/plain), the
sha256 of every saved figure image, and the sha256 of the committed claims registry and
every CSV of ``data/published``. Captions and prose are left out on purpose: their wording
may improve, their numbers may not move.

    python tools/compare_outputs.py snapshot OUT.json    # after `milkbone build`
    python tools/compare_outputs.py compare BEFORE.json AFTER.json

``compare`` prints one line per difference and exits 1 if there is any.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def glued_values(notebook: Path) -> dict[str, str]:
    """Every value a notebook glued, as myst-nb stored it (text/plain)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    values = {}
    for cell in cells:
        for output in cell.get("outputs", []):
            scrap = output.get("metadata", {}).get("scrapbook", {})
            if scrap.get("name"):
                # myst-nb stores a glued value under "<mime_prefix>text/plain"
                key = scrap.get("mime_prefix", "") + "text/plain"
                value = output.get("data", {}).get(key)
                if value is None:
                    raise ValueError(f"{notebook.name}: glued {scrap['name']!r} has no {key}")
                values[scrap["name"]] = value
    return values


def snapshot(root: Path = ROOT) -> dict:
    """The results of the last build under ``root``."""
    glue = {}
    for notebook in sorted((root / "notebooks").glob("*.ipynb")):
        for key, value in glued_values(notebook).items():
            glue[f"{notebook.stem}::{key}"] = value
    figures = {p.name: _sha256(p) for p in sorted((root / "_generated" / "figures").glob("*.png"))}
    published = {p.name: _sha256(p) for p in sorted((root / "data" / "published").glob("*.csv"))}
    return {"glue": glue, "figures": figures, "published": published}


def compare(before: dict, after: dict) -> list[str]:
    """One line per key whose value differs, appeared or vanished."""
    lines = []
    for part in ("glue", "figures", "published"):
        old, new = before.get(part, {}), after.get(part, {})
        for key in sorted(set(old) | set(new)):
            if key not in new:
                lines.append(f"{part}: {key} vanished (was {old[key]!r})")
            elif key not in old:
                lines.append(f"{part}: {key} is new ({new[key]!r})")
            elif old[key] != new[key]:
                lines.append(f"{part}: {key} changed: {old[key]!r} -> {new[key]!r}")
    return lines


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "snapshot":
        data = snapshot()
        Path(argv[1]).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
        counts = ", ".join(f"{len(v)} {k}" for k, v in data.items())
        print(f"snapshot of {counts} written to {argv[1]}")
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        before, after = (json.loads(Path(p).read_text()) for p in argv[1:])
        lines = compare(before, after)
        for line in lines:
            print(line)
        counts = ", ".join(f"{len(after.get(k, {}))} {k}" for k in ("glue", "figures", "published"))
        print(f"{len(lines)} difference(s) over {counts}")
        return 1 if lines else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
