"""The review notebook's view of a proposals file: every proposal beside its sentence, the value marked in it,
the rows with something to check first. For JupyterLab only; nothing here is published."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from analysis import i18n
from analysis.extract import proposals
from analysis.extract.proposals import PROPOSAL_COLUMNS, apart_path

SHOWN = ["check", "sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "evidence", "locator"]


def load(path: Path) -> pd.DataFrame:
    """The proposals as text, as written (no column turned into numbers: 61.30 stays 61.30), each row by the
    line of the file it is on, read by the reader accept reads it with, so that both name a row alike."""
    records, lines, issues = proposals.read(Path(path), str(path))
    if issues:
        listed = "; ".join(str(i) for i in issues[:5])
        raise ValueError(f"{path}: not a proposals file as accept reads one: {listed}")
    return pd.DataFrame(records, columns=PROPOSAL_COLUMNS, index=pd.Index(lines, name="line"), dtype=str)


def described(path: Path, frame: pd.DataFrame | None, lang: str) -> str:
    """What the file holds, in one line, or how to make it when there is none yet."""
    words = i18n.REVIEW[i18n.check_lang(lang)]
    if frame is None:
        return words["none"].format(path=path, name=Path(path).name)
    return words["count"].format(n=len(frame), checks=int(frame["check"].ne("").sum()))


_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def written(value: str) -> re.Pattern:
    """The value as Dutch writes it in a sentence: 5500 as 5.500 or 5500, 61.3 as 61,3; a value that is no plain
    number as the text it is (never as a pattern: '700)' or '(a+)+$' is text a reviewer typed)."""
    if not _PLAIN_NUMBER.fullmatch(value):
        return re.compile(re.escape(value))
    whole, _, decimals = value.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    digits = r"\.?".join([whole, *groups]) if whole else r"\.?".join(groups)
    fraction = rf",{decimals}" if decimals else ""
    return re.compile(rf"(?<![\d.,]){digits}{fraction}(?![\d]|,\d)")


def marked(evidence: str, value: str) -> str:
    """The sentence as HTML with every place it writes the value (as the data stores it: 5500) in <mark>."""
    return _marked(evidence, written(value)) if value else html.escape(evidence)


def as_written(number: str) -> re.Pattern:
    """A number as the text writes it ('1.403', '4'), standing on its own: not the 4 of 2024 or of 4.500."""
    return re.compile(rf"(?<![\d.,]){re.escape(number)}(?!\d|[.,]\d)")


def _marked(evidence: str, pattern: re.Pattern) -> str:
    out, at = [], 0
    for hit in pattern.finditer(evidence):
        out += [html.escape(evidence[at : hit.start()]), f"<mark>{html.escape(hit.group(0))}</mark>"]
        at = hit.end()
    return "".join([*out, html.escape(evidence[at:])])


def table(frame: pd.DataFrame) -> str:
    """An HTML table of the proposals, rows with a check first, the value marked in each sentence."""
    ordered = frame.assign(_settled=frame["check"].eq("")).sort_values("_settled", kind="stable")
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["line", *SHOWN])
    rows = []
    for line, row in ordered.iterrows():
        cells = [f"<td>{line}</td>"]
        for column in SHOWN:
            text = marked(row["evidence"], row["value"]) if column == "evidence" else html.escape(row[column])
            style = ' style="background:#fff3cd"' if column == "check" and row["check"] else ""
            cells.append(f"<td{style}>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="proposals"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def counts(frame: pd.DataFrame) -> pd.DataFrame:
    """How many proposals say what to check, per thing to check (a row can say several)."""
    said = frame["check"].str.split("; ").explode()
    said = said[said.ne("")].str.replace(r"\s*\(.*\)$", "", regex=True)
    return said.value_counts().rename_axis("check").reset_index(name="rows")


def load_apart(proposals: Path) -> pd.DataFrame | None:
    """The numbers extract did not propose (proposals.apart_path, beside the proposals file), or None."""
    path = apart_path(Path(proposals))
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def apart_table(frame: pd.DataFrame, lang: str) -> str:
    """How many numbers were not proposed, then each with why, where, and its sentence with the number marked (as
    written: '1.403' is the text '1.403')."""
    said = html.escape(i18n.REVIEW[i18n.check_lang(lang)]["apart"].format(n=len(frame)))
    rows = []
    for r in frame.itertuples():
        sentence = _marked(r.evidence, as_written(r.value))
        rows.append(
            f"<tr><td>{html.escape(r.value)}</td><td>{html.escape(r.why)}</td><td>{html.escape(r.locator)}</td><td>{sentence}</td></tr>"
        )
    head = "".join(f"<th>{c}</th>" for c in ("value", "why", "locator", "evidence"))
    table = f'<table class="apart"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>' if rows else ""
    return f"<p>{said}</p>{table}"
