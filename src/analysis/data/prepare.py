"""The prepare stage: data/raw, validated, made tidy, derived and checked, as the processed files.

One function for the command line (validate, prepare, report), the benchmark and the tests alike;
writing the files is left to the caller (processed.write_outputs), so `validate` can compare instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.atomic import Spooled
from analysis.data.derived import consistency_report, findings
from analysis.data.processed import build_outputs
from analysis.data.tidy import RawData, build_tidy, load_raw
from analysis.dictionary import ANNUAL
from analysis.errors import ReconciliationError

SHOWN_FINDINGS = 10  # the full list is in consistency.csv and the coverage report


@dataclass
class Prepared:
    raw: RawData  # the raw folder as read and validated
    tidy: pd.DataFrame  # reported and derived figures (tidy.TIDY_COLUMNS)
    consistency: pd.DataFrame  # every consistency comparison (dictionary.FINDING_COLUMNS)
    outputs: dict[str, bytes | Spooled]  # every processed file by name, as processed.write_outputs writes them

    def described(self) -> str:
        """What was read, derived and found, in a few lines for the terminal."""
        raw, differing = self.raw, findings(self.consistency)
        derived = int((self.tidy["status"] == "derived").sum())
        files = sum(p.startswith("figures/") for p in raw.checksums)
        lines = [
            (
                f"{raw.raw_rows} figures from {files} sector files, {len(raw.sources)} sources, "
                f"{len(raw.sectors)} sectors; {derived} derived values"
            ),
            (
                f"consistency: {len(self.consistency)} comparisons, {len(differing)} flagged "
                "(differ beyond rounding, or implausible)"
            ),
        ]
        for f in differing.head(SHOWN_FINDINGS).itertuples():
            period = "" if f.period == ANNUAL else f" {f.period}"
            scope = f" ({f.scope})" if f.scope else ""
            lines.append(
                f"  {f.check}: {f.sector} {f.year}{period} {f.measure}{scope}: {f.value_a:g} ({f.source_a}) "
                f"vs {f.value_b:g} ({f.source_b})"
            )
        if len(differing) > SHOWN_FINDINGS:
            lines.append(f"  ... and {len(differing) - SHOWN_FINDINGS:,} more: see consistency.csv")
        return "\n".join(lines)


def reconcile(raw: RawData, tidy: pd.DataFrame) -> None:
    """Every raw row is exactly one reported row of the tidy data: none lost, none doubled."""
    reported = tidy.loc[tidy["status"] == "reported", ["raw_file", "raw_line"]]
    doubled = int(reported.duplicated(["raw_file", "raw_line"]).sum())
    if len(reported) != raw.raw_rows or doubled:
        raise ReconciliationError(
            f"{raw.raw_rows} raw rows but {len(reported)} reported rows ({len(reported) - doubled} distinct) "
            "in the tidy data"
        )


def prepare(raw: Path | None = None, spool: Path | None = None) -> Prepared:
    """Read and validate `raw` (default data/raw), derive and check; raise DataValidationError on bad input.

    `spool`: the folder the outputs are for, where a large CSV is written as it is made (processed.build_outputs)."""
    loaded = load_raw(raw)
    tidy = build_tidy(loaded)
    reconcile(loaded, tidy)
    consistency = consistency_report(tidy)
    return Prepared(loaded, tidy, consistency, build_outputs(loaded, tidy, consistency, spool))


def write_processed(raw: Path, out: Path, say=print) -> tuple[RawData, pd.DataFrame]:
    """Prepare the raw folder and write what changed of data/processed (`out`, whose lock the caller holds),
    telling what was done; the validated raw data and its tidy frame, for the reports."""
    from analysis import atomic
    from analysis.data.processed import MANIFEST, write_outputs

    for name in atomic.remove_unfinished(out):
        say(f"removed {name}, left unfinished by an earlier prepare that was stopped")
    done = prepare(raw, spool=out)
    changed = write_outputs(done.outputs, out)
    say(done.described())
    for name, why in json.loads(done.outputs[MANIFEST])["x-omitted"].items():
        say(f"note: {name} is not written: {why}")
    written = f" ({', '.join(changed)})" if changed else ", all up to date"
    say(f"{out}: {len(changed)} file(s) written" + written)
    return done.raw, done.tidy
