"""Lighthouse on the report site, as a phone sees it: performance and accessibility of the index and two sector
pages, from a fresh report run served over HTTP on this machine.

Lighthouse's performance score is a timing on a simulated slow phone and network, so it is measured here and
kept in benchmarks/lighthouse/RESULTS.md, not asserted in a test. What the score rests on that does not vary
with the machine is tested: each image's width and height, lazy loading below the first screen, the page's own
small style sheet (tests/test_site.py); accessibility by axe-core on every page (the engine Lighthouse runs).

    make bench-site        # installs Lighthouse (pinned, from the npm registry) and runs this
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_reports import with_history

from analysis import cli
from analysis.site.pdf import find_chromium

LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = Path(__file__).with_name("RESULTS.md")
PAGES = ["index.html", "sectors/politie/politie.html", "sectors/markt/markt.html"]
GOALS = {"performance": 95, "accessibility": 100}  # issue #40: on a phone, the index and a sector page


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request would bury the results
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """The folder over HTTP on a free port of this machine, as a web server would give it to a phone."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(url: str, chromium: str) -> dict:
    """One Lighthouse run with its defaults: a mobile phone, simulated slow 4G and CPU."""
    out = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=performance,accessibility", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    report = json.loads(out.stdout)
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "accessibility": round(report["categories"]["accessibility"]["score"] * 100),
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "version": report["lighthouseVersion"],
    }


def table(results: dict[str, list[dict]]) -> str:
    rows = [
        "| page | runs | performance (median, min) | accessibility | largest paint s (median) | layout shift | KiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for page, runs in results.items():
        perf = [r["performance"] for r in runs]
        rows.append(
            f"| {page} | {len(runs)} | {statistics.median(perf):.0f}, {min(perf)} | "
            f"{min(r['accessibility'] for r in runs)} | {statistics.median(r['lcp_s'] for r in runs):.2f} | "
            f"{max(r['cls'] for r in runs):.3f} | {statistics.median(r['kib'] for r in runs):.0f} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (its score varies a little)")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print(f"Lighthouse is missing ({LIGHTHOUSE}): run `make bench-site`, which installs it", file=sys.stderr)
        return 4
    chromium = find_chromium()
    load_before = os.getloadavg()  # the machine should be quiet: Lighthouse's timings feel any other work
    with tempfile.TemporaryDirectory() as tmp:
        code = cli.main(["report", "--out", f"{tmp}/processed", "--reports", f"{tmp}/reports", "--jobs", "2"])
        if code:
            return code
        server, base = serve(Path(tmp) / "reports")
        try:
            results = {p: [lighthouse(base + p, chromium) for _ in range(args.runs)] for p in PAGES}
        finally:
            server.shutdown()
    version = next(iter(results.values()))[0]["version"]
    missed = [
        f"{page}: {what} {min(r[what] for r in runs)} (goal {goal})"
        for page, runs in results.items()
        for what, goal in GOALS.items()
        if min(r[what] for r in runs) < goal
    ]
    latest = (
        f"# Benchmark results\n\nLighthouse on the report site, measured {datetime.now():%Y-%m-%d %H:%M} on "
        f"{platform.platform()}, {os.cpu_count()} cores; Lighthouse {version} (mobile: simulated slow 4G and a "
        f"4× slower CPU), "
        f"{subprocess.run([chromium, '--version'], capture_output=True, text=True, check=True).stdout.strip()}; "
        f"pages served over HTTP from this machine. Load average before: {'/'.join(f'{x:.2f}' for x in load_before)}."
        f"\n\n"
        f"{table(results)}\n\nGoals: performance at least {GOALS['performance']} and accessibility "
        f"{GOALS['accessibility']} on every page measured: {'met' if not missed else 'missed: ' + '; '.join(missed)}."
    )
    previous = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else ""
    RESULTS.write_text(with_history(latest, previous), "utf-8")
    print(latest)
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
