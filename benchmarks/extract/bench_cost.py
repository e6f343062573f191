"""What extract costs as a document grows: a paragraph of many lines (a browser's "copy all"), one sentence
listing many figures, and a PDF of many pages (time and peak memory, in a fresh process each, beside
pdftotext on the same file as the floor). Each size doubles the one before: a time per line, figure or page that
stays level is a cost that grows in proportion, not with the square.

    python benchmarks/extract/bench_cost.py    # prints the table (make bench-extract puts it in RESULTS.md)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE = "De politie realiseerde in 2021 een aantal van {i} banen en meer tekst op deze regel"

# Run in a fresh interpreter: the peak memory of one reading, not of this process.
READ = """
import json, resource, sys, time
from pathlib import Path
from analysis.data.registry import load_sectors
from analysis.extract import documents, rules
from analysis.extract.rules import context
from analysis.extract.vocabulary import Vocabulary
vocab = Vocabulary.of(load_sectors(Path(sys.argv[2]))[0])
started = time.perf_counter()
doc = documents.read(Path(sys.argv[1]))
found = rules.propose(doc, vocab, "x", context.of(doc, vocab)).proposals
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "proposals": len(found), "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _read(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", READ, str(path), str(ROOT / "data" / "raw" / "sectors.csv")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def _pdf(path: Path, pages: int) -> None:
    """A text PDF of `pages` pages, 40 lines each, with its text extractable (TrueType fonts)."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["pdf.fonttype"] = 42
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with PdfPages(path) as pdf:
        for p in range(pages):
            fig = Figure(figsize=(8.27, 11.69))
            for k in range(40):
                fig.text(0.08, 0.95 - k * 0.022, LINE.format(i=p * 40 + k) + ".", fontsize=9)
            pdf.savefig(fig)


def _pdftotext(path: Path) -> float | None:
    if shutil.which("pdftotext") is None:
        return None
    started = time.perf_counter()
    subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return time.perf_counter() - started


def measure() -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in (1000, 2000, 4000):
            path = tmp / f"paragraph-{n}.txt"
            path.write_text("\n".join(LINE.format(i=i) for i in range(n)) + "\n", encoding="utf-8")
            rows.append({"case": "one paragraph", "size": n, "unit": "line", **_read(path)})
        for n in (500, 1000, 2000):
            path = tmp / f"sentence-{n}.txt"
            path.write_text("De politie realiseerde " + ", ".join(f"{i + 100} banen" for i in range(n)) + " in 2021.\n")
            rows.append({"case": "one sentence", "size": n, "unit": "figure", **_read(path)})
        for n in (25, 100, 300):
            path = tmp / f"pages-{n}.pdf"
            _pdf(path, n)
            rows.append({"case": "a PDF", "size": n, "unit": "page", "pdftotext": _pdftotext(path), **_read(path)})
    return rows


def table(rows: list[dict]) -> str:
    lines = [
        "| case | size | seconds | ms per unit | per unit, against the smallest | peak MiB | pdftotext s |",
        "|---|---|---|---|---|---|---|",
    ]
    first: dict[str, float] = {}
    for r in rows:
        per = r["seconds"] / r["size"] * 1000
        first.setdefault(r["case"], per)
        floor = f"{r['pdftotext']:.2f}" if r.get("pdftotext") is not None else ""
        lines.append(
            f"| {r['case']} | {r['size']} {r['unit']}s | {r['seconds']:.2f} | {per:.2f} | "
            f"{per / first[r['case']]:.2f} | {r['peak_mib']:.0f} | {floor} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(measure()))
