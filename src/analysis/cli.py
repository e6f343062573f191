"""Command line: `python -m analysis validate|prepare` (also installed as `banenafspraak`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import paths
from analysis.errors import DataValidationError
from analysis.metrics import consistency_report, findings
from analysis.processed import build_outputs, stale_outputs, write_outputs
from analysis.tidy import RawData, build_tidy, load_raw


class ReconciliationError(RuntimeError):
    """Raw rows and tidy rows do not match one to one: a row would be lost or doubled."""


def reconcile(data: RawData, tidy) -> None:
    reported = tidy[tidy["status"] == "reported"]
    places = list(zip(reported["raw_file"], reported["raw_line"]))
    if len(reported) != data.raw_rows or len(set(places)) != len(places):
        raise ReconciliationError(
            f"{data.raw_rows} raw rows but {len(reported)} reported rows ({len(set(places))} distinct) in the tidy data")


def _summary(data: RawData, tidy) -> str:
    report = consistency_report(tidy)
    differing = findings(report)
    derived = int((tidy["status"] == "derived").sum())
    lines = [
        f"{data.raw_rows} figures from {len(data.checksums) - 2} sector files, "
        f"{len(data.sources)} sources, {len(data.sectors)} sectors; {derived} derived values",
        f"consistency: {len(report)} comparisons, {len(differing)} differ beyond rounding",
    ]
    for f in differing.itertuples():
        lines.append(f"  {f.check}: {f.sector} {f.year} {f.measure}: {f.value_a:g} ({f.source_a}) "
                     f"vs {f.value_b:g} ({f.source_b})")
    return "\n".join(lines)


def cmd_validate(args: argparse.Namespace) -> int:
    data = load_raw(args.raw)
    tidy = build_tidy(data)
    reconcile(data, tidy)
    print(f"raw data is valid: {_summary(data, tidy)}")
    stale = stale_outputs(args.processed, data)
    if stale:
        print(f"note: {args.processed} is out of date ({stale[0]}); run `make report` to regenerate it")
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    data = load_raw(args.raw)
    tidy = build_tidy(data)
    reconcile(data, tidy)
    changed = write_outputs(build_outputs(data, tidy), args.out)
    print(_summary(data, tidy))
    print(f"{args.out}: {len(changed)} file(s) written" + (f" ({', '.join(changed)})" if changed else ", all up to date"))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description="Banenafspraak figures: check and prepare.")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check data/raw and list every problem; writes nothing")
    v.add_argument("--raw", type=Path, default=None, help="raw data folder (default: data/raw)")
    v.add_argument("--processed", type=Path, default=None, help="processed folder to check for staleness")
    v.set_defaults(func=cmd_validate)
    r = sub.add_parser("prepare", help="validate, then write the processed dataset to data/processed")
    r.add_argument("--raw", type=Path, default=None, help="raw data folder (default: data/raw)")
    r.add_argument("--out", type=Path, default=None, help="output folder (default: data/processed)")
    r.set_defaults(func=cmd_prepare)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "raw", None) is None:
        args.raw = paths.raw_dir()
    for name, default in (("processed", paths.processed_dir), ("out", paths.processed_dir)):
        if hasattr(args, name) and getattr(args, name) is None:
            setattr(args, name, default())
    try:
        return args.func(args)
    except DataValidationError as err:
        print(err.report(), file=sys.stderr)
        print("nothing was written.", file=sys.stderr)
        return 1
    except ReconciliationError as err:
        print(f"internal error, nothing was written: {err}", file=sys.stderr)
        return 1
