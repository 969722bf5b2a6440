"""The termbase (data/terms.yml): one name per concept and language, and no refused variant anywhere on the built
site — pages, calendar files, contact cards and search indexes — in the language it is refused for."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT

from macros.content.site_data import load_site_data

OTHER_FOLDERS = tuple(lang for lang in LANGUAGES[1:])  # the Dutch site is at the root, the others in en/, zh/


def load_terms() -> list[dict]:
    """The terms as the site reads and checks them (macros/content/models.py: Term)."""
    return [term.model_dump() for term in load_site_data(ROOT / "data").terms]


def _language_of(path: Path, site: Path) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in OTHER_FOLDERS else LANGUAGES[0]


def _html_text(source: str) -> str:
    """The text of a page: tags removed (the text of scripts such as JSON-LD kept), entities decoded."""
    source = re.sub(r"<!--.*?-->", " ", source, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", source))


def _vcard_texts(source: str) -> dict[str, str]:
    """A vCard's text per language: a property with LANGUAGE=xx belongs to xx, one without to every language."""
    unfolded = re.sub(r"\r?\n[ \t]", "", source)
    texts = {lang: [] for lang in LANGUAGES}
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        match = re.search(r";LANGUAGE=([a-z]+)", name, re.I)
        for lang in ([match.group(1).lower()] if match else LANGUAGES):
            if lang in texts:
                texts[lang].append(value)
    return {lang: "\n".join(lines) for lang, lines in texts.items()}


def _ics_text(source: str) -> str:
    return re.sub(r"\r?\n[ \t]", "", source).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")


def site_texts(site: Path) -> dict[str, list[tuple[str, str]]]:
    """Per language, (file, text) for every built page, calendar file, contact card and search index."""
    texts: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGUAGES}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        lang = _language_of(path, site)
        if path.suffix == ".html":
            texts[lang].append((name, _html_text(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".ics":
            texts[lang].append((name, _ics_text(path.read_text(encoding="utf-8"))))
        elif path.suffix == ".vcf":
            for card_lang, text in _vcard_texts(path.read_text(encoding="utf-8")).items():
                texts[card_lang].append((name, text))
        elif name.endswith("search/search_index.json"):
            docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
            text = "\n".join(_html_text(f"{doc.get('title', '')}\n{doc.get('text', '')}") for doc in docs)
            texts[lang].append((name, text.replace("\u200b", "")))
    return texts


def _pattern(variant: str) -> re.Pattern:
    """A variant in Latin script counts only as a whole word; one in Chinese anywhere."""
    escaped = re.escape(variant)
    if re.fullmatch(r"[\w\s'’&.-]+", variant, re.ASCII):
        return re.compile(rf"(?<![\w-]){escaped}(?![\w-])")
    return re.compile(escaped)


def _mask_names(text: str, names: list[str], variant: str) -> str:
    """Hide the approved names that contain the variant, longest first, so that the variant inside one of them
    does not count (弗拉芒 is refused for Flanders, 弗拉芒布拉班特省 is the name of Flemish Brabant)."""
    for name in sorted((n for n in names if variant in n), key=len, reverse=True):
        text = text.replace(name, "\u2063" * len(name))
    return text


@pytest.fixture(scope="module")
def texts(site):
    return site_texts(site)


def test_termbase_is_well_formed():
    terms = load_terms()
    assert {"flanders", "sister-province", "partner-region", "b2b-cleantech-mission-2019"} <= {t["id"] for t in terms}


def test_jieba_learns_the_termbase_names():
    from macros.files.search_index import project_terms

    data = load_site_data(ROOT / "data")
    terms = project_terms(data)
    # The challenge areas' names are descriptions, which jieba cuts into the words a reader searches for.
    descriptions = {challenge.name.zh for challenge in data.challenges}
    assert all(term["zh"] in terms for term in load_terms() if term["zh"] not in descriptions)
    assert not descriptions & set(terms)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_refused_variant_on_the_site(texts, lang):
    terms = load_terms()
    names = [term[lang] for term in terms]
    assert texts[lang], f"nothing built in {lang}"
    found = []
    for page, text in texts[lang]:
        for term in terms:
            for variant in term.get("avoid", {}).get(lang, []):
                masked = _mask_names(text, names, variant)
                for match in _pattern(variant).finditer(masked):
                    context = masked[max(0, match.start() - 30):match.end() + 30].replace("\n", " ")
                    found.append(f"{page}: {variant!r} (term {term['id']}, use {term[lang]!r}) in …{context}…")
    assert not found, f"{len(found)} refused variants:\n" + "\n".join(found[:80])


def test_the_check_finds_a_refused_variant():
    """The matching itself: a variant inside an approved name does not count, a whole Latin word does."""
    names = ["弗拉芒布拉班特省", "佛兰德"]
    assert not _pattern("弗拉芒").search(_mask_names("弗拉芒布拉班特省与佛兰德", names, "弗拉芒"))
    assert _pattern("弗拉芒").search(_mask_names("弗拉芒大区投资贸易局", names, "弗拉芒"))
    assert _pattern("佛兰德斯").search(_mask_names("佛兰德斯", names, "佛兰德斯"))
    assert _pattern("u").search("Schrijf u ons?") and not _pattern("u").search("uw bedrijf, een menu")
    assert _vcard_texts("FN:A\nROLE;ALTID=1;LANGUAGE=zh:友好\n")["zh"] == "A\n友好"
