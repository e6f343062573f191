"""Command line: `python -m analysis validate|prepare|coverage|changes|extract|accept|report` (also installed as
`banenafspraak`)."""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import tempfile
from pathlib import Path

from analysis import folders, paths
from analysis.errors import ProjectError
from analysis.locking import exclusive

# pandas, pandera, papermill and nbconvert are imported inside the commands that need them,
# so that `report` with nothing changed answers before loading any of them.


def cmd_validate(args: argparse.Namespace) -> int:
    from analysis.data.prepare import prepare
    from analysis.data.processed import stale_outputs

    done = prepare(args.raw, spool=Path(tempfile.gettempdir()))  # a large CSV is compared from there, not held
    print(f"raw data is valid: {done.described()}")
    stale = stale_outputs(args.processed, done.raw, done.outputs)
    if stale:
        print(f"note: {args.processed} is out of date ({stale[0]}); run `make report` to regenerate it")
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    folders.check_processed(args.out, args.raw)
    from analysis.data.prepare import write_processed

    with exclusive(args.out, args.wait):
        write_processed(args.raw, args.out)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from analysis.run.build import Settings, build_reports

    if args.pdf:
        _needs("pdf")
    settings = Settings(
        raw=args.raw,
        processed=args.out,
        reports=args.reports,
        notebooks=args.notebooks,
        lang=args.lang,
        sectors=tuple(args.sector or ()),
        jobs=args.jobs or os.cpu_count() or 1,
        force=args.force,
        cell_timeout=args.cell_timeout,
        pdf=args.pdf,
        wait=args.wait,
    )
    return build_reports(settings, say=lambda line: print(line, flush=True))


def cmd_changes(args: argparse.Namespace) -> int:
    from analysis.data.registry import load_breaks
    from analysis.trends import changes

    old = changes.read_version(args.ref)
    new = changes.read_version(str(args.processed))
    found = changes.compare(old, new)
    breaks, _ = load_breaks(paths.RawLayout(Path(args.raw)).breaks_csv)
    found.verdicts = changes.verdict_changes(old, new, breaks)
    print(
        f"since {args.ref}: {len(found.added)} added, {len(found.changed)} changed, {len(found.removed)} removed "
        f"reported figures; {len(found.verdicts)} verdicts changed"
    )
    if found.note:
        print(f"note: {found.note}")
    for line in changes.describe(found):
        print(f"  {line}")
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    import pandas as pd

    from analysis.data.dataset import Dataset
    from analysis.data.tidy import build_tidy, load_raw
    from analysis.trends import coverage

    raw = load_raw(args.raw)
    data = Dataset.of(raw, build_tidy(raw))
    cov = coverage.coverage(data)
    years = lambda s, m: ",".join(
        _spans(sorted(cov.loc[(cov["sector"] == s) & (cov["measure"] == m) & (cov["status"] == "reported"), "year"]))
    )
    fresh = coverage.freshness(data).set_index("sector")
    mix = coverage.source_mix(data).set_index("sector")
    rows = [("sector", "realised", "target", "percentage", "behind", "primary/secondary")]
    for s in raw.sectors["sector"]:
        behind = fresh.at[s, "years_behind_national"]
        rows.append(
            (
                s,
                years(s, "realised_jobs") or "-",
                years(s, "target_jobs") or "-",
                years(s, "realisation_pct") or "-",
                "-" if pd.isna(behind) else str(behind),
                f"{mix.at[s, 'primary']}/{mix.at[s, 'secondary']}",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(f"{c:<{w}}" for c, w in zip(r, widths)).rstrip())
    missing = coverage.without_figures(data)
    print(
        f"\nyears with a published figure (derived values not counted); behind = years behind the newest national "
        f"realised figure\nwithout any figure: {', '.join(missing) or 'none'}"
    )
    return 0


# The packages of each extra a command needs (pyproject.toml), and how to install them.
EXTRAS = {
    "extract": (("pypdfium2", "bs4", "pydantic"), "make setup-extract"),
    "pdf": (("playwright", "pikepdf"), "make pdf (or: make setup-test)"),
}


def _needs(extra: str) -> None:
    """ExtraMissing, naming the command that installs them, if a package of `extra` is not installed."""
    import importlib.util

    from analysis.errors import ExtraMissing

    modules, how = EXTRAS[extra]
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ExtraMissing(
            f"this command needs the '{extra}' extra ({', '.join(missing)} not installed): run `{how}`, or "
            f"`.venv/bin/python -m pip install -c constraints.txt -e '.[{extra}]'`"
        )


def cmd_extract(args: argparse.Namespace) -> int:
    from analysis.errors import NotOurFolder

    _needs("extract")
    from analysis import atomic
    from analysis.extract.proposals import APART_COLUMNS, apart_path, apart_records, extract, to_csv, write

    out, raw = args.out.resolve(), Path(args.raw).resolve()
    if out == args.document.resolve() or out.is_relative_to(raw):
        raise NotOurFolder(f"--out {args.out}: write the proposals outside {args.raw} and apart from the document")
    done = extract(args.document, args.raw, args.source_id, args.published)
    if out.is_file() and not args.overwrite and out.read_bytes() != to_csv(done.records):
        raise NotOurFolder(
            f"--out {args.out} exists and holds something else than these proposals (a file you reviewed, or "
            "another file): give another name, or --overwrite to replace it"
        )
    write(done.records, args.out)
    # every number not proposed, with why, beside the proposals: a reading aid, made again at each run
    atomic.write_bytes(apart_path(args.out), to_csv(apart_records(done), APART_COLUMNS))
    print(f"{done.described()}; written to {args.out}")
    print(f"the {len(done.apart)} numbers not proposed, each with why and its sentence: {apart_path(args.out)}")
    if not done.source_registered:
        print(
            f"note: source '{done.source_id}' is not registered in {paths.RawLayout(args.raw).sources_csv}: add its "
            "line there before `accept`, or give --source-id of a registered source"
        )
    print(
        "next: review the rows (notebooks/review.ipynb, or a spreadsheet), settle and empty every check or delete "
        f"its row, then run: python -m analysis accept {args.out}"
    )
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    from analysis import atomic
    from analysis.extract.accept import accept

    try:
        done = accept(args.proposals, args.raw, args.wait)
    except KeyboardInterrupt as stop:
        written = atomic.WRITTEN in getattr(stop, "__notes__", ())
        print(
            "\ninterrupted after the rows were written: they are all in data/raw; run `make report`"
            if written
            else "\ninterrupted: data/raw is unchanged, nothing was accepted; run accept again",
            file=sys.stderr,
        )
        return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)
    except OSError as err:
        advice = ACCEPT_ADVICE.get(err.errno, "")
        print(
            f"error: cannot write {err.filename or 'data/raw'}: {err.strerror}. {advice}data/raw is unchanged.",
            file=sys.stderr,
        )
        return 1
    for name in done.put_back:
        print(f"put back {name} as it was before an accept that was stopped while writing it")
    print(done.described())
    for skipped in done.skipped:
        print(f"  skipped {skipped}")
    if done.added:
        print("next: run `make report` to regenerate the reports")
    return 0


def _spans(years: list[int]) -> list[str]:
    """[2015, 2018, 2019, 2020] -> ['2015', '2018-2020']"""
    spans: list[list[int]] = []
    for y in years:
        if spans and y == spans[-1][1] + 1:
            spans[-1][1] = y
        else:
            spans.append([y, y])
    return [str(a) if a == b else f"{a}-{b}" for a, b in spans]


def _positive(text: str) -> int:
    value = int(text) if text.strip().isascii() and text.strip().isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of seconds, at least 1 (found {text!r})")
    return value


def _iso_date(text: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is no date written YYYY-MM-DD (such as 2025-07-03)") from None


def _options() -> dict[str, argparse.ArgumentParser]:
    """The options several commands share, each defined once (argparse's parent parsers)."""
    raw = argparse.ArgumentParser(add_help=False)
    raw.add_argument("--raw", type=Path, default=None, help="raw data folder (default: data/raw)")
    out = argparse.ArgumentParser(add_help=False)
    out.add_argument("--out", type=Path, default=None, help="processed data folder (default: data/processed)")
    wait = argparse.ArgumentParser(add_help=False)
    wait.add_argument(
        "--wait",
        type=float,
        default=0,
        metavar="SECONDS",
        help="wait this long for another run that writes where this one does (default: refuse at once)",
    )
    return {"raw": raw, "out": out, "wait": wait}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m analysis", description="Banenafspraak figures: propose, check, prepare and report."
    )
    sub = p.add_subparsers(dest="command", required=True)
    shared = _options()
    _data_commands(sub, shared)
    _extract_commands(sub, shared)
    _report_command(sub, shared)
    return p


def _data_commands(sub, shared: dict[str, argparse.ArgumentParser]) -> None:
    """validate, prepare, coverage and changes: the raw and processed data."""
    raw, writing = [shared["raw"]], [shared["raw"], shared["out"], shared["wait"]]
    v = sub.add_parser("validate", parents=raw, help="check data/raw and list every problem; writes nothing")
    v.add_argument("--processed", type=Path, default=None, help="processed folder to check for staleness")
    v.set_defaults(func=cmd_validate)
    r = sub.add_parser("prepare", parents=writing, help="validate, then write the processed dataset to data/processed")
    r.set_defaults(func=cmd_prepare)
    c = sub.add_parser(
        "coverage", parents=raw, help="print which figures exist per sector, how fresh, from which sources"
    )
    c.set_defaults(func=cmd_coverage)
    ch = sub.add_parser("changes", help="list the figures and verdicts that changed since an earlier version")
    ch.add_argument(
        "ref",
        nargs="?",
        default="HEAD",
        help="a git revision (default: HEAD) or a folder holding a copy of data/processed",
    )
    ch.add_argument("--processed", type=Path, default=None, help="the newer version (default: data/processed)")
    ch.add_argument("--raw", type=Path, default=None, help="raw data folder, for the series breaks")
    ch.set_defaults(func=cmd_changes)


def _extract_commands(sub, shared: dict[str, argparse.ArgumentParser]) -> None:
    """extract and accept: figures proposed from a published document, and the reviewed ones taken in."""
    ex = sub.add_parser(
        "extract",
        parents=[shared["raw"]],
        help="propose figure rows from a published document (.txt, .html, .pdf) for review",
    )
    ex.add_argument("document", type=Path, help="the document: plain text, HTML or PDF")
    ex.add_argument("--out", type=Path, required=True, metavar="PROPOSALS.csv", help="where to write the proposals")
    ex.add_argument(
        "--overwrite", action="store_true", help="replace --out even when it holds something else (a reviewed file)"
    )
    ex.add_argument(
        "--source-id",
        default=None,
        metavar="ID",
        help="the document's id in data/raw/sources.csv (default: made from the file name)",
    )
    ex.add_argument(
        "--published",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the document's publication date, if it does not show one: 'vorig jaar' is counted from it",
    )
    ex.set_defaults(func=cmd_extract)
    ac = sub.add_parser(
        "accept",
        parents=[shared["raw"], shared["wait"]],
        help="validate the kept proposals and append them to data/raw/figures, all or nothing",
    )
    ac.add_argument("proposals", type=Path, help="the proposals file, reviewed: no row with a check left")
    ac.set_defaults(func=cmd_accept)


def _report_command(sub, shared: dict[str, argparse.ArgumentParser]) -> None:
    """report: prepare, then the whole site."""
    rep = sub.add_parser(
        "report",
        parents=[shared["raw"], shared["out"], shared["wait"]],
        help="prepare, then execute every notebook and write reports/ with index.html",
    )
    rep.add_argument("--reports", type=Path, default=None, help="report folder (default: reports)")
    rep.add_argument("--notebooks", type=Path, default=None, help="notebook folder (default: notebooks)")
    rep.add_argument(
        "--sector",
        action="append",
        default=None,
        metavar="ID",
        help="only this sector's report (repeat for more); overview and national always run",
    )
    rep.add_argument("--lang", default="nl", choices=["nl", "en"], help="report language (default: nl)")
    rep.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    rep.add_argument("--force", action="store_true", help="execute every notebook even if nothing changed")
    rep.add_argument("--cell-timeout", type=_positive, default=300, help="seconds one cell may take (default: 300)")
    rep.add_argument(
        "--pdf", action="store_true", help="also print every report and the index to PDF (A4, tagged) with Chromium"
    )
    rep.set_defaults(func=cmd_report)


class Stopped(KeyboardInterrupt):
    """Ctrl-C (SIGINT), SIGTERM or SIGHUP: workers and kernels stopped, reports old or new, never half."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


# The signals received during this run. Python runs a handler between any two bytecodes of the main thread,
# also inside a finaliser, where the exception it raises is printed and dropped: the run would then go on
# and end with 0 as if never interrupted. Remembering the signal lets main still end as interrupted.
_RECEIVED: list[int] = []


def _stop_on(signum: int, _frame) -> None:
    _RECEIVED.append(signum)
    raise Stopped(signum)


def _handle_signals() -> dict:
    """SIGINT, SIGTERM and SIGHUP raise Stopped; returns the handlers they had, for main to put back."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    return {sig: signal.signal(sig, _stop_on) for sig in signals if signal.getsignal(sig) is not signal.SIG_IGN}


def _interrupted(signum: int) -> int:
    print(
        "\ninterrupted: reports that finished are in place, the others keep their previous version; "
        "run again to complete them",
        file=sys.stderr,
    )
    return 128 + signum


def main(argv: list[str] | None = None) -> int:
    _RECEIVED.clear()
    previous = _handle_signals()
    try:
        code = _main(argv)
        return _interrupted(_RECEIVED[0]) if _RECEIVED and code == 0 else code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


FILE_SYSTEM_ADVICE = {
    errno.EACCES: "you may not write there: choose another folder (--out, --reports) or ask for access",
    errno.EPERM: "you may not write there: choose another folder (--out, --reports) or ask for access",
    errno.EROFS: "the file system is read-only: choose another folder (--out, --reports)",
    errno.ENOSPC: "the disk is full: free some space, then run the command again",
    errno.EDQUOT: "the disk is full for you (your quota is used up): free some space, then run the command again",
    errno.EFBIG: "a file size limit stopped the write (ulimit -f): raise it, then run the command again",
}


# accept writes into the raw folder: there is no other folder to choose
ACCEPT_ADVICE = {
    errno.EACCES: "You may not write in the raw folder: ask for access. ",
    errno.EPERM: "You may not write in the raw folder: ask for access. ",
    errno.EROFS: "The raw folder is on a read-only file system: accept where it can be written. ",
    errno.ENOSPC: "The disk is full: free some space, then run accept again. ",
    errno.EDQUOT: "The disk is full for you (your quota is used up): free some space, then run accept again. ",
}

READER_LEFT = 128 + signal.SIGPIPE  # what a shell tool ends with when the reader of its output left


def _reader_left() -> int:
    """End quietly after the reader of our output left: what is still buffered goes nowhere, instead of failing
    once more when the interpreter flushes it on exit (the way Python's documentation advises)."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return READER_LEFT


def _advice(err: OSError) -> str:
    advice = FILE_SYSTEM_ADVICE.get(err.errno)
    return f". {advice[0].upper()}{advice[1:]}; no file was left half-written." if advice else ""


def _default_folders(args: argparse.Namespace) -> None:
    """The project's own folders for every folder option not given."""
    if getattr(args, "raw", None) is None:
        args.raw = paths.raw_dir()
    for name, default in (
        ("processed", paths.processed_dir),
        ("out", paths.processed_dir),
        ("reports", paths.reports_dir),
        ("notebooks", paths.notebooks_dir),
    ):
        if hasattr(args, name) and getattr(args, name) is None:
            setattr(args, name, default())


def _main(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    try:
        _default_folders(args)
    except paths.NoProjectFolder as err:  # a command run outside the project: which folder it expects
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        return args.func(args)
    except ProjectError as err:  # only the errors meant for the user; anything else is a bug with a traceback
        print(err.message(), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt as stop:
        return _interrupted(stop.signum if isinstance(stop, Stopped) else signal.SIGINT)
    except BrokenPipeError:  # the reader left (`... | head -1`): nothing more to say, and nobody to say it to
        return _reader_left()
    except OSError as err:  # the file system said no (no permission, read-only, full): what, where, what to do
        print(f"error: cannot write {err.filename or 'a file'}: {err.strerror}{_advice(err)}", file=sys.stderr)
        return 1
