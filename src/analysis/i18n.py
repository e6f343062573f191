"""Words and number formats for the two report languages (Dutch default, English option).

The words themselves are data: words.toml beside this module holds every one of them, Dutch and English
side by side, so that a word is never added in one language and forgotten in the other."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from babel.numbers import format_decimal

from analysis import dictionary

LANGS = ("nl", "en")
SOURCE_LANG = "nl"  # the sources publish in Dutch: their titles and quotes carry lang="nl" on every site
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}
_WORDS = tomllib.loads(resources.files("analysis").joinpath("words.toml").read_text(encoding="utf-8"))


def _side_by_side(section: str) -> dict[str, dict[str, object]]:
    """A section of words.toml: by key, each entry with its words in both languages (a list is a tuple here)."""
    table = _WORDS[section]
    for key, words in table.items():
        if set(words) != set(LANGS):
            raise ValueError(
                f"words.toml [{section}] {key}: needs exactly {' and '.join(LANGS)}, has {', '.join(words)}"
            )
    return {
        key: {lang: tuple(w) if isinstance(w, list) else w for lang, w in words.items()} for key, words in table.items()
    }


def _by_language(section: str) -> dict[str, dict[str, object]]:
    """A section of words.toml as it is looked up: by language, then key."""
    table = _side_by_side(section)
    return {lang: {key: words[lang] for key, words in table.items()} for lang in LANGS}


TEXT = _by_language("text")


# Column headings of the tables in the reports.
# Table headings beyond the data's own columns (those come from the data dictionary, below).
_TABLE_HEADINGS = _by_language("table_headings")
# Every table heading: the data dictionary's column labels, and the headings of the summary tables.
COLUMNS = {
    lang: {
        **dictionary.headings(lang),
        **{s.id: s.label(lang) for s in dictionary.STATUSES.values()},
        **_TABLE_HEADINGS[lang],
    }
    for lang in LANGS
}

# Words of the report site's own pages (index.html, sources.html).
SITE = _by_language("site")


# A stand's status in words, and the phrases that name the figures a text rests on (display/narrative).
VERDICT = _by_language("verdict")


# Alt texts of the charts, written from their data (narrative.chart_alt and friends).
ALT = _by_language("alt")


# The reports' own prose (what the notebooks say between their tables and charts): (heading, paragraph).
PROSE = _by_language("prose")


# The answer a page opens with (display/answer), and each sector as the subject of its sentences.
ANSWER = _by_language("answer")
SECTOR_FORMS = _by_language("sector_forms")


def answer_word(lang: str, key: str, **values) -> str:
    return ANSWER[check_lang(lang)][key].format(**values)


def subject(sector: str, name: str, lang: str) -> tuple[str, bool]:
    """The sector as the subject of a sentence and whether it takes a plural verb: ('de gemeenten', True); a
    sector without forms in words.toml is its name, singular."""
    form = SECTOR_FORMS[check_lang(lang)].get(sector)
    return (form["subject"], form["plural"]) if form else (name, False)


def verb(key: str, plural: bool, lang: str) -> str:
    """A verb of [answer] in the form that agrees: 'realiseerde' or 'realiseerden'."""
    return ANSWER[check_lang(lang)][key][1 if plural else 0]


# The page that explains how to read the reports (reading.html).
READING = _by_language("reading")

# What each processed file linked from the index holds, by file name.
DATA_FILES = _by_language("data_files")
# The workbook's sheet 'Lees mij' (data/processed.py writes it in Dutch).
SPREADSHEET = _by_language("spreadsheet")

# An editor's remark in a quote ('[footnote 5:]') in the page's language: [pattern, Dutch] pairs.
_REMARKS = [(re.compile(pattern), nl) for pattern, nl in _WORDS["evidence_remarks"]["nl"]]


def evidence(text: str, lang: str) -> str:
    """A quote as published; an editor's remark in square brackets in it is written in the page's language."""
    if check_lang(lang) == "nl":
        for pattern, words in _REMARKS:
            text = pattern.sub(words, text)
    return text


# Words of `changes` and the index's section on what is new.
CHANGES = _by_language("changes")
REVIEW = _by_language("review")


def alt_word(lang: str, key: str, **values) -> str:
    return ALT[check_lang(lang)][key].format(**values)


def verdict_word(lang: str, key: str, **values) -> str:
    return VERDICT[check_lang(lang)][key].format(**values)


# How derived values were computed (the tidy column 'derivation' holds the key, in the data's own terms).
DERIVATIONS = _side_by_side("derivations")  # by the tidy column's derivation, then language
UNDATED = _WORDS["undated"]


def derivation(key: str, lang: str) -> str:
    return DERIVATIONS[key][check_lang(lang)] if key in DERIVATIONS else key


def date_words(date: str, lang: str) -> str:
    """A registry date as a reader writes it: '2025-11-18' -> '18 november 2025' (nl) or '18 November 2025';
    '2025-11' -> 'november 2025'; '2025' stays; '' is the language's word for undated."""
    import datetime

    from babel.dates import format_date, format_skeleton

    locale = _LOCALE[check_lang(lang)]
    parts = [int(p) for p in date.split("-")] if date else []
    if len(parts) == 3:
        return format_date(datetime.date(*parts), "d MMMM y", locale=locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(*parts, 1), locale=locale)
    return date or UNDATED[lang]


_LOCATOR_PHRASES = [(re.compile(rf"\b{re.escape(en)}\b"), nl) for en, nl in _WORDS["locator"]["nl"]]
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}(?:-\d{2})?)\b")
_QUOTED = re.compile(r"('[^']*')")  # a title as published, in its own words


def _month_names(lang: str) -> list[str]:
    from babel.dates import get_month_names

    return [get_month_names("wide", locale=_LOCALE[lang])[m] for m in range(1, 13)]


# A date a collection's locator writes in Dutch words ('(16 juli 2024)'): in English it is written in English.
_DUTCH_MONTH = re.compile(r"\b(" + "|".join(_month_names("nl")) + r")(?= \d{4}\b)")
_ENGLISH_MONTHS = dict(zip(_month_names("nl"), _month_names("en")))


def locator(text: str, lang: str) -> str:
    """Where in the public document a figure stands, in `lang`: data/raw holds it in English; in Dutch its
    words are translated outside the quoted titles ([locator] in words.toml), and a date is written in words."""
    parts = _QUOTED.split(text)
    for i in range(0, len(parts), 2):  # the even parts lie outside the quotes
        part = _ISO_DATE.sub(lambda m: date_words(m.group(1), lang), parts[i])
        if check_lang(lang) == "nl":
            part = _ORDINAL.sub(r"\1e", part)
            for pattern, words in _LOCATOR_PHRASES:
                part = pattern.sub(words, part)
        else:
            part = _DUTCH_MONTH.sub(lambda m: _ENGLISH_MONTHS[m.group(1)], part)
        parts[i] = part
    return "".join(parts)


# The words a locator is written in (those [locator] in words.toml translates, the months): whatever else stands
# in an English locator outside the quotes is a name as published ('Overheidssectoren > Politie', 'Kamerstuk 34
# 352 nr. 348', 'HOP'), in the sources' language.
_LOCATOR_WORDS = {w.casefold() for en, _ in _WORDS["locator"]["nl"] for w in en.split()} | {
    m.casefold() for m in _month_names("en")
}
_SEGMENT = re.compile(r"[^,()]+")  # the parts of a locator between commas and brackets
_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"(?:[\d.,]+(?:st|nd|rd|th)?[-/–])*[\d.,]+(?:st|nd|rd|th)?")  # 3rd, 2-3, 1st-2nd, 13-07-2016


def _is_locator_word(token: str) -> bool:
    bare = token.strip(".:;>/–-")
    return not bare or bare.casefold() in _LOCATOR_WORDS or bool(_NUMBER.fullmatch(bare))


def locator_names(text: str) -> list[str]:
    """The names as published in an English locator (see locator): its quoted titles and, outside the quotes,
    each run of words from the first to the last word that is no locator word, within a part between commas
    and brackets, widened over the numbers beside it."""
    parts = _QUOTED.split(locator(text, "en"))
    names = [p.strip("'") for p in parts[1::2] if p.strip("'")]
    for outside in parts[0::2]:
        for segment in _SEGMENT.findall(outside):
            tokens = _TOKEN.findall(segment)
            named = [i for i, token in enumerate(tokens) if not _is_locator_word(token)]
            if not named:
                continue
            first, last = named[0], named[-1]  # widened over the numbers of the name: '125.000 banen', 'nr. 113'
            while first > 0 and _NUMBER.fullmatch(tokens[first - 1]):
                first -= 1
            while last + 1 < len(tokens) and _NUMBER.fullmatch(tokens[last + 1].strip(".")):
                last += 1
            names.append(" ".join(tokens[first : last + 1]).strip(" >/"))
    return names


def citation(publisher: str, date: str, lang: str) -> str:
    """'Publisher, 18 november 2025', with the language's words for an undated source: one format on every page."""
    return f"{publisher}, {date_words(date, lang)}"


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from analysis.errors import ParameterError

        raise ParameterError([f"unknown language {lang!r}; use one of: {', '.join(LANGS)}"])
    return lang


def t(lang: str, key: str, **values) -> str:
    return TEXT[check_lang(lang)][key].format(**values)


def number(value: float, lang: str, precision: int = 0, trim: bool = False) -> str:
    """5500 -> '5.500' (nl) or '5,500' (en); 61.3 with precision 1 -> '61,3' / '61.3'.

    With trim, decimals are shown only as far as needed (7.5 with precision 2 -> '7,5').
    """
    pattern = "#,##0" + ("." + ("#" if trim else "0") * precision if precision > 0 else "")
    return format_decimal(round(value, precision), format=pattern, locale=_LOCALE[check_lang(lang)])


def percent(value: float, lang: str, precision: int = 0) -> str:
    return f"{number(value, lang, precision)}%"


def figure(
    value: float, lang: str, precision: int = 0, qualifier: str = "", pct: bool = False, trim: bool = False
) -> str:
    """A published figure in words, with the word it was published with: 'bijna 90.000', 'nearly 100%'.
    Every sentence that shows a figure shows it so: a qualifier is never dropped. `trim` as for number."""
    word = dictionary.QUALIFIERS[qualifier].label(lang) if qualifier in dictionary.QUALIFIERS else qualifier
    text = number(value, lang, precision, trim) + ("%" if pct else "")
    return f"{word} {text}" if word else text
