"""Benchmark of the report run against the naive loop and the floor, and of `prepare` at scale.

Run with `make bench` (or `.venv/bin/python benchmarks/bench_reports.py [--quick]`). Every variant is
measured several times in this one run, so ratios compare like with like. Prints a table, writes
benchmarks/RESULTS.md, and ends with one JSON line of the headline figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
NB = ROOT / "notebooks"


def timed(cmd: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, **kw)
    return time.perf_counter() - start


def planned_jobs() -> list[tuple[Path, dict]]:
    """The notebooks and parameters the report run executes, taken from the report planner itself."""
    sys.path.insert(0, str(ROOT / "src"))
    from analysis.data.dataset import Dataset
    from analysis.data.tidy import build_tidy, load_raw
    from analysis.run.report import plan

    raw = load_raw(ROOT / "data/raw")
    return [(job.notebook, job.parameters) for job in plan(Dataset.of(raw, build_tidy(raw)), NB, "nl")]


def naive_loop(tmp: Path) -> float:
    """What an analyst would script: per notebook one papermill CLI call and one nbconvert CLI call, in turn."""
    start = time.perf_counter()
    for i, (notebook, params) in enumerate(planned_jobs()):
        out = tmp / f"{i}-{notebook.stem}.ipynb"
        args = [a for k, v in params.items() for a in ("-p", k, v)]
        subprocess.run(
            [
                PY,
                "-m",
                "papermill",
                str(notebook),
                str(out),
                *args,
                "-k",
                "python3",
                "--cwd",
                str(NB),
                "--no-progress-bar",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [PY, "-m", "jupyter", "nbconvert", "--to", "html", "--no-input", str(out)], check=True, capture_output=True
        )
    return time.perf_counter() - start


FLOOR = """
import sys, time
from pathlib import Path
out = Path(sys.argv[1])
from analysis.data.tidy import load_raw, build_tidy
from analysis.display import plots
from analysis.trends import series
from analysis.data.dataset import Dataset
part, parts = (int(a) for a in sys.argv[2:4]) if len(sys.argv) > 3 else (0, 1)
raw = load_raw(); data = Dataset.of(raw, build_tidy(raw))
charts = {f"sector-{s}": lambda s=s: plots.sector_trend(data, s, "nl") for s in series.sectors_with_data(data)}
charts.update(overview=lambda: plots.overview_percentages(data), jobs=lambda: plots.overview_jobs(data),
              own_sroi=lambda: plots.own_vs_sroi(data), small=lambda: plots.small_multiples(data),
              national=lambda: plots.national(data), coverage=lambda: plots.coverage_heatmap(data))
for i, (name, draw) in enumerate(charts.items()):
    if i % parts == part:  # a share of the charts, for the floor of several processes side by side
        fig = draw()
        fig.savefig(out / f"{name}.png"); fig.savefig(out / f"{name}.svg")
"""


def floor(tmp: Path) -> float:
    """The same charts from one plain Python process: no kernels, no notebooks."""
    return timed([PY, "-c", FLOOR, str(tmp)])


def two_process_floor(tmp: Path) -> float:
    """The same charts from two plain Python processes side by side, each drawing half of them: what two cores
    can do at best, imports included, without kernels, notebooks or pages."""
    start = time.perf_counter()
    halves = [subprocess.Popen([PY, "-c", FLOOR, str(tmp), str(i), "2"], cwd=ROOT) for i in range(2)]
    if any(h.wait() != 0 for h in halves):
        raise RuntimeError("the two-process floor failed")
    return time.perf_counter() - start


IO_FLOOR = """
import sys, time
from pathlib import Path
import pyarrow as pa, pyarrow.csv as pacsv
raw, out = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
tables = [pacsv.read_csv(p) for p in sorted((raw / "figures").glob("*.csv"))]
written = pacsv.read_csv(out / "banenafspraak.csv")
pacsv.write_csv(written, out / "io-floor.csv")
(out / "io-floor.csv").unlink()
print("RESULT", time.perf_counter() - start, sum(t.num_rows for t in tables), written.num_rows)
"""


def io_floor(raw: Path, out: Path) -> float:
    """pyarrow reading the raw files prepare read, and reading and writing the tidy CSV prepare wrote: the
    least time any prepare of these rows could take (no validation, no derivation, no other outputs)."""
    done = subprocess.run([PY, "-c", IO_FLOOR, str(raw), str(out)], check=True, capture_output=True, text=True)
    return float(next(l for l in done.stdout.splitlines() if l.startswith("RESULT")).split()[1])


def report(tmp: Path, *extra: str) -> float:
    return timed(
        [PY, "-m", "analysis", "report", "--reports", str(tmp / "reports"), "--out", str(tmp / "processed"), *extra]
    )


# ------------------------------------------------------------------ prepare at scale

MEASURES = ["realised_jobs", "target_jobs", "realisation_pct", "realised_own", "realised_sroi", "employers"]
# 2012-2026: a realised figure or percentage can be about no year after its source (dated 2026) was published
YEARS = range(2012, 2027)


def synthetic_raw(rows: int, folder: Path) -> int:
    """Valid raw data in the project's format: as many synthetic sectors as needed, one file each."""
    per_sector = len(MEASURES) * len(YEARS)
    sectors = -(-rows // per_sector)
    (folder / "figures").mkdir(parents=True)
    (folder / "sources.csv").write_text(
        "source_id,title,publisher,date,accessed,reference,url,primacy,kind,note\n"
        "synthetic,Synthetic figures,Benchmark,2026,2026-12-01,,https://example.invalid/synthetic,primary,other,\n"
    )
    (folder / "breaks.csv").write_text("break_id,year,date,sectors,source_id,locator,what_nl,what_en,note\n")
    header = "sector,year,period,measure,value,qualifier,scope,basis,source_id,locator,evidence,note\n"
    registry = ["sector,name_nl,name_en,short_nl,short_en,group,unit"]
    written = 0
    for i in range(sectors):
        sid = f"s{i:06d}"
        registry.append(f"{sid},Sector {i},Sector {i},S{i},S{i},overheid,sector_jobs")
        lines = []
        for year in YEARS:
            for j, measure in enumerate(MEASURES):
                if written >= rows:
                    break
                value = f"{(i * 7 + year * 3 + j) % 900 + 10}.{(i + j) % 100:02d}"
                basis = "" if measure == "employers" else "sector_count"  # employers carry no basis
                lines.append(
                    f"{sid},{year},year,{measure},{value},,,{basis},synthetic,section {j},Synthetic sentence {j}.,\n"
                )
                written += 1
        (folder / "figures" / f"{sid}.csv").write_text(header + "".join(lines))
    (folder / "sectors.csv").write_text("\n".join(registry) + "\n")
    return written


def synthetic_one_file(rows: int, folder: Path) -> int:
    """The shape a new user tried: one sector file of valid rows in which many sources give the same
    sector, year and measure (every pair of them would be rows squared)."""
    sources = -(-rows // (len(YEARS) * 3))
    (folder / "figures").mkdir(parents=True)
    (folder / "sources.csv").write_text(
        "source_id,title,publisher,date,accessed,reference,url,primacy,kind,note\n"
        + "".join(
            f"src{k:06d},Source {k},Benchmark,2026,2026-12-01,,https://example.invalid/{k},primary,other,\n"
            for k in range(sources)
        )
    )
    (folder / "breaks.csv").write_text("break_id,year,date,sectors,source_id,locator,what_nl,what_en,note\n")
    (folder / "sectors.csv").write_text(
        "sector,name_nl,name_en,short_nl,short_en,group,unit\n"
        "rijk,Rijk,Central government,Rijk,Central government,overheid,sector_jobs\n"
    )
    header = "sector,year,period,measure,value,qualifier,scope,basis,source_id,locator,evidence,note\n"
    lines, written = [], 0
    for k in range(sources):
        for year in YEARS:
            for measure, value in (("realised_jobs", 300 + k % 7), ("target_jobs", 400), ("realisation_pct", 75)):
                if written < rows:
                    lines.append(f"rijk,{year},year,{measure},{value},,,sector_count,src{k:06d},p. 1,Zin {k}.,\n")
                    written += 1
    (folder / "figures" / "rijk.csv").write_text(header + "".join(lines))
    return written


PREPARE = """
import resource, sys, time
from analysis.cli import main
start = time.perf_counter()
code = main(["prepare", "--raw", sys.argv[1], "--out", sys.argv[2]])
print("RESULT", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, code)
"""


def prepare_at_scale(rows: int, tmp: Path, shape=synthetic_raw) -> tuple[float, float, float]:
    """prepare on synthetic raw data: its seconds and peak memory, and the I/O floor on the same files."""
    raw, out = tmp / f"raw-{shape.__name__}-{rows}", tmp / f"out-{shape.__name__}-{rows}"
    shape(rows, raw)
    done = subprocess.run(
        [PY, "-c", PREPARE, str(raw), str(out)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    line = next((l for l in done.stdout.splitlines() if l.startswith("RESULT")), None)
    if line is None or line.split()[3] != "0":
        raise RuntimeError(f"prepare failed at {rows} rows:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    _, seconds, peak_mib, _ = line.split()
    return float(seconds), float(peak_mib), io_floor(raw, out)


AHEAD = re.compile(r"\((\d+) executed, \d+ failed, (\d+) on a kernel started ahead\)")


def report_counts(tmp: Path, *extra: str, ahead: bool = True, forks: bool = True) -> tuple[float, int, int]:
    """Seconds, notebooks executed and notebooks that ran on a kernel started ahead, from the run's last line.

    `ahead`, `forks`: kernels started ahead, kernels forked from a server that imported the libraries."""
    env = {
        **os.environ,
        "BANENAFSPRAAK_KERNELS_AHEAD": "1" if ahead else "0",
        "BANENAFSPRAAK_KERNEL_FORKS": "1" if forks else "0",
    }
    start = time.perf_counter()
    done = subprocess.run(
        [PY, "-m", "analysis", "report", "--reports", str(tmp / "reports"), "--out", str(tmp / "processed"), *extra],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    seconds = time.perf_counter() - start
    found = AHEAD.search(done.stdout)
    return seconds, int(found.group(1)), int(found.group(2))


def one_sector_change(tmp: Path) -> tuple[float, int]:
    """The analysts' yearly routine: one new row in rijk.csv, then regenerate. Run on a copy of data/raw."""
    raw = tmp / "raw-copy"
    shutil.copytree(ROOT / "data" / "raw", raw)
    command = [PY, "-m", "analysis", "report", "--raw", str(raw), "--reports", str(tmp / "osc-reports"), "--out",
               str(tmp / "osc-processed")]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    rijk = raw / "figures" / "rijk.csv"
    with rijk.open("a", encoding="utf-8") as fh:  # a figure no source gives (a 2023 count): the benchmark's own
        fh.write("rijk,2023,year,realised_jobs,1234,,,sector_count,kst-34352-348,benchmark row,Benchmark.,\n")
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    return seconds, int(AHEAD.search(done.stdout).group(1))


# ------------------------------------------------------------------ driver


def measure(name: str, runs: int, fn) -> list[float]:
    times = []
    for i in range(runs):
        times.append(fn())
        print(f"  {name} {i + 1}/{runs}: {times[-1]:.2f}s", flush=True)
    return times


def row(name: str, times: list[float]) -> str:
    return f"| {name} | {len(times)} | {min(times):.2f} | {statistics.median(times):.2f} | {max(times):.2f} |"


EARLIER = "Earlier runs"


def with_history(latest: str, previous: str) -> str:
    """RESULTS.md with this run's results on top, the runs before it under 'Earlier runs' (newest first), and any
    other section of the file (the measurements behind choices in the code) kept as it was, at the end."""
    body = previous.split("\n", 1)[1] if previous.startswith("# Benchmark results") else previous
    last_run, *sections = re.split(r"(?m)^## ", body)
    earlier = [s.split("\n", 1)[1].strip() for s in sections if s.startswith(EARLIER)]
    standing = [s.rstrip() for s in sections if not s.startswith(EARLIER)]
    runs = [r for r in (last_run.strip(), *earlier) if r]
    parts = [latest.rstrip()]
    if runs:
        parts.append(f"## {EARLIER}\n\n" + "\n\n".join(runs))
    parts += [f"## {s}" for s in standing]
    return "\n\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and smaller prepare sizes")
    args = parser.parse_args()
    runs = {"naive": 1 if args.quick else 2, "cold": 3 if args.quick else 10, "noop": 3, "variant": 3}
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    one_file_sizes = [20_000] if args.quick else [20_000, 200_000]

    load_before = os.getloadavg()  # the machine should be quiet: the load is recorded beside the figures
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print("naive loop (papermill CLI + nbconvert CLI per notebook)")
        naive_t = measure("naive", runs["naive"], lambda: naive_loop(Path(tempfile.mkdtemp(dir=tmp))))
        # The floor and the cold runs take turns (a floor run before every second cold run), so a host
        # that gets slower or faster during the benchmark moves both alike and their ratio stays fair.
        print("report run, cold (--force), and the floor (plain Python, no kernels) in turn")
        floor_dir = tmp / "floor"
        floor_dir.mkdir()
        cold, cold_t, floor_t, floor2_t = [], [], [], []
        for i in range(runs["cold"]):
            if i % 2 == 0:
                floor_t.append(floor(floor_dir))
                floor2_t.append(two_process_floor(floor_dir))
                print(f"  floor {len(floor_t)}: {floor_t[-1]:.2f}s, two processes {floor2_t[-1]:.2f}s", flush=True)
            cold.append(report_counts(tmp, "--force"))
            cold_t.append(cold[-1][0])
            print(f"  cold {i + 1}/{runs['cold']}: {cold_t[-1]:.2f}s", flush=True)
        print("report run, cold, without kernels started ahead")
        no_ahead_t = measure("cold-no-ahead", runs["variant"], lambda: report_counts(tmp, "--force", ahead=False)[0])
        print("report run, cold, without forked kernels (each kernel a new python)")
        no_fork_t = measure("cold-no-forks", runs["variant"], lambda: report_counts(tmp, "--force", forks=False)[0])
        print("report run, nothing changed")
        noop_t = measure("no-change", runs["noop"], lambda: report(tmp))
        print("one new row in rijk.csv")
        change_s, change_n = one_sector_change(tmp)
        print(f"  {change_n} notebooks executed in {change_s:.2f}s")
        scale = {}
        for n in sizes:
            print(f"prepare at {n:,} rows")
            scale[n] = prepare_at_scale(n, tmp)
            print(f"  {scale[n][0]:.2f}s, peak {scale[n][1]:.0f} MiB, I/O floor {scale[n][2]:.2f}s")
        one_file = {}
        for n in one_file_sizes:
            print(f"prepare, one file of {n:,} rows with many sources per figure")
            one_file[n] = prepare_at_scale(n, tmp, synthetic_one_file)
            print(f"  {one_file[n][0]:.2f}s, peak {one_file[n][1]:.0f} MiB, I/O floor {one_file[n][2]:.2f}s")

    med = {
        k: statistics.median(v)
        for k, v in (("naive", naive_t), ("cold", cold_t), ("noop", noop_t), ("floor", floor_t), ("floor2", floor2_t))
    }
    lines = [
        "| variant | runs | min s | median s | max s |",
        "|---|---|---|---|---|",
        row("naive loop (papermill + nbconvert CLI per notebook)", naive_t),
        row(f"report run, cold (--force, {os.cpu_count()} jobs)", cold_t),
        row("report run, nothing changed", noop_t),
        row("report run, cold, without kernels started ahead", no_ahead_t),
        row("report run, cold, without forked kernels", no_fork_t),
        row("floor: the same charts from one Python process", floor_t),
        row("floor: the same charts from two Python processes side by side", floor2_t),
        "",
        "| prepare | seconds | peak MiB | I/O floor s |",
        "|---|---|---|---|",
        *[f"| {n:,} rows | {s:.2f} | {m:.0f} | {f:.2f} |" for n, (s, m, f) in scale.items()],
        *[
            f"| one file, {n:,} rows, many sources per figure | {s:.2f} | {m:.0f} | {f:.2f} |"
            for n, (s, m, f) in one_file.items()
        ],
        "",
        f"One new row in rijk.csv: {change_n} notebooks executed in {change_s:.2f}s.",
        (
            f"Kernels started ahead: {statistics.median(c[2] for c in cold):.0f} of "
            f"{statistics.median(c[1] for c in cold):.0f} notebooks per cold run ran on one."
        ),
    ]
    ratios = {
        "speedup_vs_naive": round(med["naive"] / med["cold"], 2),
        "ratio_to_floor": round(med["cold"] / med["floor"], 2),
        "cold_over_two_process_floor": round(med["cold"] / med["floor2"], 2),
        "noop_rerun_s": round(med["noop"], 2),
        "slowest_cold_over_median": round(max(cold_t) / med["cold"], 2),
    }
    ratios["one_sector_change_executed"] = change_n
    ratios["one_sector_change_s"] = round(change_s, 2)
    ratios["kernel_ready_ahead"] = round(statistics.median(c[2] for c in cold))
    ratios["cold_without_ahead_over_with"] = round(statistics.median(no_ahead_t) / med["cold"], 2)
    ratios["cold_without_forks_over_with"] = round(statistics.median(no_fork_t) / med["cold"], 2)
    if 200_000 in one_file:
        ratios["prepare_one_file_200k_s"] = round(one_file[200_000][0], 2)
        ratios["prepare_one_file_200k_peak_mib"] = round(one_file[200_000][1])
        ratios["prepare_one_file_200k_over_io_floor"] = round(one_file[200_000][0] / one_file[200_000][2], 2)
    if 1_000_000 in scale:
        ratios["prepare_1m_s"] = round(scale[1_000_000][0], 2)
        ratios["prepare_1m_peak_mib"] = round(scale[1_000_000][1])
        ratios["prepare_1m_over_io_floor"] = round(scale[1_000_000][0] / scale[1_000_000][2], 2)
        ratios["prepare_10x_rows_time_ratio"] = round(scale[1_000_000][0] / scale[100_000][0], 2)
    machine = f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}; " + ", ".join(
        f"{p} {version(p)}"
        for p in ("pandas", "pyarrow", "pandera", "matplotlib", "papermill", "nbconvert", "jupyter_client", "ipykernel")
    )
    load = "/".join(f"{x:.2f}" for x in load_before)
    machine += f". Load average (1, 5, 15 min) before the run: {load}; after: " + "/".join(
        f"{x:.2f}" for x in os.getloadavg()
    )
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {machine}.",
            "",
            *lines,
            "",
            "```json",
            json.dumps(ratios, indent=2),
            "```",
            "",
        ]
    )
    if not args.quick:
        results = ROOT / "benchmarks" / "RESULTS.md"
        results.write_text(with_history(text, results.read_text() if results.is_file() else ""))
    print("\n" + "\n".join(lines))
    print(json.dumps(ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())
