"""Which words of a page belong to the other language, by Debian's hunspell dictionaries (hunspell-nl and
hunspell-en-us, which `make test` installs like Chromium): a word the page's own dictionary rejects and the other
language's accepts. Names the dictionaries do not know (a publisher, an abbreviation of a Kamerstuk) are in a short
glossary; file names are left out, as they are names too."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

DICTIONARIES = {"nl": "nl_NL", "en": "en_US"}
# Names and abbreviations one dictionary lacks and the other has. On a Dutch page: a publisher, 'nr.' of a
# Kamerstuk, the file format PDF. On an English page: the file formats, the Dutch names of two kinds of school
# that the English sector names keep ('UAS (hbo)'), and 'Kamerstuk', as English texts on Dutch policy write it.
GLOSSARY = {
    "nl": {"Medical", "Facts", "nr", "PDF"},
    "en": {"CSV", "SVG", "JSON", "hbo", "mbo", "Kamerstuk"},
}
FILE_NAME = re.compile(r"\S+\.(?:csv|xlsx|json|png|svg|ipynb|pdf|html)\b")
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:'[a-z]+)?")


def hunspell_or_skip() -> str:
    found = shutil.which("hunspell")
    missing = [d for d in DICTIONARIES.values() if not Path(f"/usr/share/hunspell/{d}.dic").is_file()]
    if found and not missing:
        return found
    message = "hunspell with its nl_NL and en_US dictionaries is missing (Debian: hunspell-nl, hunspell-en-us)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def visible_text(html: str, skip_lang: str | None = None) -> str:
    """The text a reader sees on a page (not markup, scripts or styles); without elements marked
    lang=`skip_lang` (a Dutch quote on an English page)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "title"]):
        element.decompose()
    if skip_lang:
        for element in soup.select(f'[lang="{skip_lang}"]'):
            element.decompose()
    return soup.get_text(" ")


# A code of letters and digits (the data version, a source's Kamerstuk number): no word of either language; its
# letters read as words would make the test pass or fail by what the hash happens to hold ("3f2bd9a": "bd").
CODE = re.compile(r"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{6,}\b")


def visible_words(html: str, skip_lang: str | None = None) -> set[str]:
    """The words of visible_text, without file names and codes of letters and digits."""
    return set(WORD.findall(CODE.sub(" ", FILE_NAME.sub(" ", visible_text(html, skip_lang)))))


def rejected(words: set[str], lang: str) -> set[str]:
    run = subprocess.run(
        [hunspell_or_skip(), "-d", DICTIONARIES[lang], "-l"],
        input="\n".join(sorted(words)),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(run.stdout.split())


def other_language_words(words: set[str], lang: str) -> set[str]:
    """The words the page's language rejects and the other accepts, less the glossary."""
    other = "en" if lang == "nl" else "nl"
    unknown = rejected(words, lang)
    return unknown - rejected(unknown, other) - GLOSSARY[lang]
