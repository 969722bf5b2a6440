"""Every kind of editing mistake in data/, locales/ and the pages is reported with the file, the line and what to
fix, and stops the build.

The table runs in-process through the check command (what `python -m macros.check` runs, the same checks the build
runs first); a few cases also go through a real build, which must fail and leave the previous site untouched."""

from __future__ import annotations

import hashlib
import resource
import shutil
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, build_site, copy_checked_sources, copy_project

from macros import check
from macros.messages import DEFAULT, MESSAGES_ENV, bundle, languages, message


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # relative to the project
    old: str | None  # text replaced in the file ("" = replace the whole content; None = delete the file)
    new: str | bytes | None  # bytes are written as they are (encodings, control characters)
    marker: str | None  # a line of the broken file whose number the message must name (None: line 1 or any)
    says: tuple[str, ...]  # further text the message must contain


def case(name, file, old, new, marker, *says):
    return Case(name, file, old, new, marker, says)


HEBEI_NAME = "    name:\n      nl: Provincie Hebei"
SLUDGE = "  - id: sludge\n    name:\n      nl: Slib\n"

CASES = [
    # The data files: form of the YAML
    case("tab indentation", "data/challenges.yml", "  - id: sludge", "\t- id: sludge", "\t- id: sludge", "tab"),
    case("unclosed quote", "data/challenges.yml", SLUDGE, SLUDGE.replace("nl: Slib", 'nl: "Slib'), '      nl: "Slib',
         "aanhalingsteken \" op regel", "niet gesloten"),
    case("unclosed bracket", "data/regions.yml", "challenges: [industrial-water, sludge, waste-processing]",
         "challenges: [industrial-water, sludge, waste-processing\n",
         "        challenges: [industrial-water, sludge, waste-processing", "de [ op regel", "niet gesloten"),
    case("unclosed brace", "data/regions.yml", "population: {count: 65000000}", "population: {count: 65000000\n",
         "    population: {count: 65000000", "de { op regel", "niet gesloten"),
    case("colon in an unquoted text", "data/challenges.yml", SLUDGE, SLUDGE.replace("nl: Slib", "nl: Slib: zuivering"),
         "      nl: Slib: zuivering", "dubbele punt", "tussen aanhalingstekens"),
    case("line indented too far", "data/challenges.yml", SLUDGE, SLUDGE.replace("    name:", "     name:"),
         "     name:", "springt niet even ver in", "twee spaties per niveau"),
    case("a line that cannot be read", "data/regions.yml", "challenges: [industrial-water, sludge, waste-processing]",
         "challenges: [industrial-water, sludge, waste-processing]]",
         "challenges: [industrial-water, sludge, waste-processing]]", "deze regel is niet te lezen"),
    case("duplicate field", "data/regions.yml", "    capital:\n      nl: Shijiazhuang",
         "    capital:\n      nl: Shijiazhuang\n      nl: Baoding", "      nl: Baoding", "'nl' staat twee keer"),
    case("NUL byte", "data/challenges.yml", "nl: Slib\n", "nl: Sl\x00ib\n", "      nl: Sl\x00ib", "<U+0000>",
         "verwijder"),
    case("not UTF-8", "data/challenges.yml", "nl: Slib\n", "nl: Sl\xe9ib\n".encode("latin-1"), "      nl: Sl\ufffdib",
         "niet bewaard als UTF-8", "0xe9"),
    case("alias (billion laughs)", "data/challenges.yml", "challenges:\n",
         "lol: &a [x, x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nchallenges:\n",
         "lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "'*a' verwijst naar", "schrijf de waarde voluit"),
    case("data file missing", "data/organisations.yml", "", None, None, "data/organisations.yml:1:1",
         "het bestand ontbreekt"),
    case("data file replaced by a folder", "data/funding.yml", "", "FOLDER", None, "data/funding.yml:1:1",
         "dit is een map"),
    # The data files: fields and values
    case("missing translation", "data/regions.yml", "      zh: 河北省\n", "", "    name:",
         "bij 'hebei', veld 'name.zh'", "de Chinese tekst (zh) ontbreekt", "elke tekst heeft nl, en en zh nodig"),
    case("empty text", "data/regions.yml", "nl: Provincie Hebei", 'nl: ""', '      nl: ""', "veld 'name.nl'",
         "de tekst is leeg"),
    case("text of invisible characters only", "data/regions.yml", "nl: Provincie Hebei", 'nl: "\u200b\u00a0"',
         '      nl: "\u200b\u00a0"', "veld 'name.nl'", "onzichtbare tekens"),
    case("misspelt field", "data/regions.yml", "    capital:\n      nl: Shijiazhuang",
         "    capitol:\n      nl: Shijiazhuang", "    capitol:", "veld 'capitol'", "dit veld is onbekend"),
    case("id not lowercase-kebab", "data/regions.yml", "  - id: hebei", "  - id: Hebei Province",
         "  - id: Hebei Province", "veld 'id'", "geen geldige id"),
    case("zero-width space in an id", "data/regions.yml", "  - id: hebei", "  - id: he\u200bbei",
         "  - id: he\u200bbei", "bij 'he<U+200B>bei'", "'he<U+200B>bei' is geen geldige id"),
    case("duplicate id", "data/regions.yml", "  - id: shaanxi", "  - id: hebei", None, "'hebei' komt twee keer voor"),
    case("unknown sister province", "data/regions.yml", "sister_province: oost-vlaanderen",
         "sister_province: west-vlaanderen", "    sister_province: west-vlaanderen", "veld 'sister_province'",
         "'west-vlaanderen' is geen provincie in data/organisations.yml"),
    case("unknown challenge id", "data/regions.yml", "challenges: [industrial-water, sludge, waste-processing]",
         "challenges: [waterstof, sludge, waste-processing]", "challenges: [waterstof, sludge, waste-processing]",
         "bij 'hebei'", "'waterstof' is geen uitdaging"),
    case("text where a number belongs", "data/regions.yml", "population: {count: 65000000}",
         "population: {count: veel}", "    population: {count: veel}", "veld 'population.count'", "geheel getal"),
    case("year out of range", "data/regions.yml", "tie_since: 1985", "tie_since: 19850", "    tie_since: 19850",
         "veld 'tie_since'", "te groot", "hoogstens 2100"),
    case("single text instead of three languages", "data/challenges.yml", SLUDGE,
         "  - id: sludge\n    name: Slib\n    unused:\n      nl: Slib\n", "    name: Slib",
         "bij 'sludge', veld 'name'", "de teksten per taal"),
    case("missing required field", "data/challenges.yml",
         "    description:\n      nl: Energie-efficiëntie in al haar facetten.\n"
         "      en: Energy efficiency in all its aspects.\n      zh: 全方位提高能源效率。\n",
         "", "  - id: energy-efficiency", "bij 'energy-efficiency', veld 'description'", "verplicht"),
    case("empty list", "data/challenges.yml", "challenges:\n  - id: zero-emission-production",
         "challenges: []\n\nrest:\n  - id: zero-emission-production", "challenges: []", "de lijst is leeg"),
    case("kind not allowed", "data/organisations.yml", "    kind: government-agency", "    kind: agency",
         "    kind: agency", "bij 'fit', veld 'kind'", "'agency' kan hier niet", "government-agency"),
    case("website not a web address", "data/organisations.yml", "website: http://www.vito.be/",
         "website: www vito be", "    website: www vito be", "veld 'website'", "geen volledig webadres", "https://"),
    case("e-mail address without @", "data/contacts.yml", "email: alice.cooman@provincieantwerpen.be",
         "email: alice.cooman.provincieantwerpen.be", "    email: alice.cooman.provincieantwerpen.be",
         "veld 'email'", "is geen e-mailadres", "naam@domein.be"),
    case("phone number without country code", "data/contacts.yml", 'phone: "+32-477.41.21.09"',
         'phone: "0477 41 21 09"', '    phone: "0477 41 21 09"', "veld 'phone'", "begin met + en de landcode"),
    case("general contact without e-mail", "data/contacts.yml", "    email: alice.cooman@provincieantwerpen.be\n",
         "", None, "veld 'general'", "heeft een e-mailadres nodig"),
    case("day that does not exist", "data/events.yml", "\n    start: 2019-11-16\n", "\n    start: 2019-02-30\n",
         "    start: 2019-02-30", "veld 'start'", "'2019-02-30' is geen bestaande datum"),
    case("date in a wrong form", "data/events.yml", "\n    start: 2019-11-16\n", "\n    start: 16/11/2019\n",
         "    start: 16/11/2019", "veld 'start'", "schrijf een maand als 2019-11"),
    case("end before start", "data/events.yml", "\n    end: 2019-11-22\n", "\n    end: 2019-11-12\n", "    end: 2019-11-12",
         "veld 'end'", "het einde (2019-11-12) ligt voor het begin (2019-11-16)"),
    case("time that does not exist (clocks forward)", "data/events.yml",
         "    start: 2019-11-16\n    end: 2019-11-22\n",
         "    start: 2030-03-31 02:30\n    end: 2030-03-31 17:00\n    timezone: Europe/Brussels\n",
         "    start: 2030-03-31 02:30", "veld 'start'", "bestaat niet in Europe/Brussels"),
    case("time that happens twice (clocks back)", "data/events.yml",
         "    start: 2019-11-16\n    end: 2019-11-22\n",
         "    start: 2030-10-27 02:30\n    end: 2030-10-27 17:00\n    timezone: Europe/Brussels\n",
         "    start: 2030-10-27 02:30", "veld 'start'", "komt twee keer voor"),
    case("unknown time zone", "data/events.yml", "    start: 2019-11-16\n    end: 2019-11-22\n",
         "    start: 2030-05-06 09:00\n    timezone: Europe/Brussel\n", "    timezone: Europe/Brussel",
         "veld 'timezone'", "geen bekende tijdzone"),
    case("registration not https", "data/events.yml", "    contacts: [provincie-antwerpen, pom-antwerpen]\n",
         "    contacts: [provincie-antwerpen, pom-antwerpen]\n    registration: www.example.org/register\n",
         "    registration: www.example.org/register", "veld 'registration'", "https://"),
    case("unknown region in an event", "data/events.yml", "regions: [hebei, shaanxi, chengdu, chongqing, guangdong]",
         "regions: [hebei, shanxi, chengdu, chongqing, guangdong]",
         "    regions: [hebei, shanxi, chengdu, chongqing, guangdong]", "'shanxi' is geen regio"),
    case("unknown contact in an event", "data/events.yml", "contacts: [provincie-antwerpen, pom-antwerpen]",
         "contacts: [provincie-antwerp, pom-antwerpen]", "    contacts: [provincie-antwerp, pom-antwerpen]",
         "'provincie-antwerp' is geen contactpersoon"),
    # The interface strings
    case("interface string missing in one language", "locales/zh.yml", "nav.projects: 相关项目\n", "", None,
         "locales/zh.yml:1:1", "veld 'nav.projects'", "ontbreekt"),
    case("placeholder changed in a translation", "locales/en.yml", "region.more: More about {region}",
         "region.more: More about {regio}", None, "locales/en.yml", "veld 'region.more'", "({regio})",
         "niet dezelfde"),
    case("stray brace in an interface string", "locales/nl.yml", "region.more: Naar het profiel van {region}",
         "region.more: Naar het profiel van {region", "region.more: Naar het profiel van {region",
         "veld 'region.more'", "{{"),
    case("empty interface string", "locales/en.yml", "nav.projects: ", 'nav.projects: ""\nignored: ',
         'nav.projects: ""', "veld 'nav.projects'", "de tekst is leeg"),
    case("unknown key in a translation", "locales/zh.yml", "nav.projects: 相关项目\n",
         "nav.projects: 相关项目\nnav.projcts: 相关项目\n", None, "locales/zh.yml", "veld 'nav.projcts'",
         "staat niet in locales/nl.yml"),
    case("interface strings not valid YAML", "locales/en.yml", "region.more: More about {region}",
         'region.more: "More about {region}', 'region.more: "More about {region}',
         "aanhalingsteken \" op regel", "niet gesloten"),
    # The pages
    case("page file missing", "docs/zh/regions/hebei.md", "", None, None, "docs/zh/regions/hebei.md",
         "python -m macros.stubs"),
    case("page asks for an unknown region", "docs/en/regions/hebei.md", "", 'Intro\n\n{{ region_page("hebeii") }}\n',
         '{{ region_page("hebeii") }}', "docs/en/regions/hebei.md",
         "'hebeii', maar die staat niet in data/regions.yml"),
    case("region removed while its pages remain", "docs/nl/regions/sichuan.md", "", '{{ region_page("sichuan") }}\n',
         '{{ region_page("sichuan") }}', "'sichuan', maar die staat niet in data/regions.yml", "--remove-orphans"),
    case("translation without a Dutch page", "docs/zh/news.md", "", "# 新闻\n", None, "docs/zh/news.md:1:1",
         "docs/nl/news.md"),
]


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """The parts of the project the checks read, copied once; each case breaks one file and restores it."""
    return copy_checked_sources(tmp_path_factory.mktemp("bad-input") / "project")


def _break(project: Path, bad: Case) -> tuple[str, callable]:
    """Apply the case to the copy; the broken text and a function that restores the file."""
    path = project / bad.file
    original = path.read_bytes() if path.exists() else None

    def restore():
        if path.is_dir():
            path.rmdir()
        if original is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(original)

    if bad.new is None:
        path.unlink()
        return "", restore
    if bad.new == "FOLDER":
        path.unlink()
        path.mkdir()
        return "", restore
    text = original.decode("utf-8") if original is not None else ""
    assert bad.old in text, f"the test case no longer matches {bad.file}"
    if isinstance(bad.new, bytes):
        broken = original.replace(bad.old.encode("utf-8"), bad.new, 1)
        path.write_bytes(broken)
        return broken.decode("utf-8", errors="replace"), restore
    broken = text.replace(bad.old, bad.new, 1) if bad.old else bad.new
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(broken, encoding="utf-8")
    return broken, restore


def _line_of(text: str, marker: str) -> int:
    """The number of the line that is the marker, or else the first that holds it."""
    lines = text.splitlines()
    exact = [n for n, line in enumerate(lines, 1) if line == marker]
    return exact[0] if exact else next(n for n, line in enumerate(lines, 1) if marker.strip() in line)


def test_the_table_covers_forty_kinds_of_mistake():
    assert len({c.name for c in CASES}) == len(CASES) >= 40


def _check_broken(sources: Path, bad: Case, capsys) -> tuple[str, str]:
    """The check's report on the sources with this mistake (which must make it fail), and the broken text."""
    broken, restore = _break(sources, bad)
    try:
        code = check.main(sources)
    finally:
        restore()
    out = capsys.readouterr().out
    assert code == 1, out
    assert "Traceback" not in out
    return out, broken


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_a_mistake_is_reported_with_file_line_and_fix(sources, bad, capsys):
    out, broken = _check_broken(sources, bad, capsys)
    if bad.marker is not None:
        assert f"{bad.file}:{_line_of(broken, bad.marker)}:" in out, out
    else:
        assert f"{bad.file}:" in out or bad.says[0] in out, out
    for words in bad.says:
        assert words in out, out


# The same mistakes in English, for staff who read English better (I2PCC_MESSAGES=en): (case, what it must say).
IN_ENGLISH = [
    ("missing translation", ("entry 'hebei', field 'name.zh'", "the Chinese text (zh) is missing",
                             "every text needs nl, en and zh")),
    ("unclosed quote", ('the quote " on line', "is not closed")),
    ("unknown sister province", ("'west-vlaanderen' is not a province in data/organisations.yml",)),
    ("day that does not exist", ("field 'start'", "'2019-02-30' is not a real date")),
    ("placeholder changed in a translation", ("field 'region.more'", "({regio})", "not the same")),
    ("page file missing", ("this page is missing", "python -m macros.stubs")),
]


@pytest.mark.parametrize("name, says", IN_ENGLISH, ids=[name for name, _ in IN_ENGLISH])
def test_the_messages_are_in_english_on_request(sources, name, says, capsys, monkeypatch):
    bad = next(c for c in CASES if c.name == name)
    monkeypatch.setenv(MESSAGES_ENV, "en")
    out, broken = _check_broken(sources, bad, capsys)
    assert out.startswith("Data\nFix this before the site can be built (1 problem):"), out
    if bad.marker is not None:
        assert f"{bad.file}:{_line_of(broken, bad.marker)}:" in out, out
    for words in says:
        assert words in out, out
    assert not any(dutch in out for dutch in (" bij ", " veld ", "ontbreekt", "Gegevens")), out


def test_every_message_is_in_every_language_with_the_same_fields():
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    dutch = bundle(DEFAULT)
    assert len(languages()) > 1
    for lang in languages():
        texts = bundle(lang)
        assert texts.keys() == dutch.keys(), (lang, texts.keys() ^ dutch.keys())
        for message_id, text in texts.items():
            assert fields(text) == fields(dutch[message_id]), (lang, message_id)


def test_the_language_of_the_messages_is_read_when_a_message_is_made(monkeypatch):
    monkeypatch.setenv(MESSAGES_ENV, "en")
    assert message("problems_one") == "1 problem"
    monkeypatch.delenv(MESSAGES_ENV)
    assert message("problems_one") == "1 probleem"
    monkeypatch.setenv(MESSAGES_ENV, "fr")
    assert message("problems_one") == "1 probleem"


def test_billion_laughs_is_refused_within_seconds_and_little_memory(tmp_path):
    """A 33 KB file of nested aliases would expand to billions of items; it is refused while reading."""
    levels = ["a0: &a0 [" + ", ".join(["lol"] * 9) + "]"]
    for level in range(1, 9):
        levels.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    text = "\n".join(levels) + "\n" + "# padding\n" * 3000
    (tmp_path / "laughs.yml").write_text(text, encoding="utf-8")
    script = ("import resource, sys, time; from pathlib import Path; from macros.content.yaml_source import load_yaml, "
              "YamlSyntaxError\nstart = time.perf_counter()\n"
              "try:\n    load_yaml(Path(sys.argv[1]))\nexcept YamlSyntaxError as error:\n    print(error.message)\n"
              "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    limit = 200 * 1024 * 1024
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "laughs.yml")], cwd=ROOT, capture_output=True, text=True,
        timeout=30, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit * 4, limit * 4)))
    message, numbers = result.stdout.strip().rsplit("\n", 1)
    seconds, peak_kb = numbers.split()
    assert "alias" in message
    assert float(seconds) < 5
    assert int(peak_kb) * 1024 < limit


# The same mistakes through a real build: it fails with the message and leaves the last good site as it was. One
# is found before anything is built; the other only while MkDocs builds, after pages were written to the staging
# folder.
END_TO_END = [*(c for c in CASES if c.name == "unclosed quote"),
              case("broken link in a page", "docs/en/about.md", "](regions/index.md)", "](regions/indexx.md)", None,
                   "about.md", "regions/indexx.md")]


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_build(site, tmp_path_factory):
    """A copy of the sources beside a copy of the session's site, as the last good build."""
    project = copy_project(tmp_path_factory.mktemp("bad-build") / "project")
    previous = project.parent / "site"
    shutil.copytree(site, previous)
    return project, previous, _fingerprint(previous)


@pytest.mark.build
@pytest.mark.parametrize("bad", END_TO_END, ids=[c.name for c in END_TO_END])
def test_a_failed_build_reports_the_mistake_and_keeps_the_site(good_build, bad):
    project, site, fingerprint = good_build
    broken, restore = _break(project, bad)
    try:
        result = build_site(project, site)
    finally:
        restore()
    assert result.returncode == 1, result.stdout[-2000:]
    assert "Traceback" not in result.stdout
    if bad.marker is not None:
        assert f"{bad.file}:{_line_of(broken, bad.marker)}:" in result.stdout, result.stdout[-2000:]
    for words in bad.says:
        assert words in result.stdout, result.stdout[-2000:]
    assert _fingerprint(site) == fingerprint, "the previous site was changed by a failed build"
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site.")) in ([], [".site.lock"])
