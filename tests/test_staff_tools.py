"""Issue 5: the content check without a build, the JSON Schemas, and data that tries to inject code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import yaml
from conftest import ROOT, build_site

from macros.schemas import schema_files


def run(args, cwd, **kwargs):
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, **kwargs)


def test_json_schemas_are_generated_from_the_models_and_up_to_date():
    for name, text in schema_files().items():
        committed = ROOT / "schemas" / name
        assert committed.exists(), f"run python -m macros.schemas ({name} is missing)"
        assert committed.read_text(encoding="utf-8") == text, f"run python -m macros.schemas ({name} is outdated)"
        json.loads(text)
    for data_file in (ROOT / "data").glob("*.yml"):
        first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schemas/{data_file.stem}.schema.json"
    for locales_file in (ROOT / "locales").glob("*.yml"):
        first_line = locales_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == "# yaml-language-server: $schema=../schemas/locales.schema.json", locales_file.name
    mapped = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert set(mapped) == {f"./schemas/{name}" for name in schema_files()}


def _properties(schema: dict):
    """(where, name, property schema) of every field in a schema and its definitions."""
    for where, part in [("file", schema), *schema.get("$defs", {}).items()]:
        for name, value in part.get("properties", {}).items():
            yield where, name, value


def _texts(value: dict) -> dict:
    """The schema of the text a field holds, whether it is one value, a list or optional."""
    if "items" in value:
        return _texts(value["items"])
    return next((option for option in value.get("anyOf", []) if option.get("type") != "null"), value)


def test_schemas_describe_every_field_in_dutch_and_english_and_offer_the_existing_ids():
    from macros.content.site_data import load_site_data

    schemas = {name: json.loads(text) for name, text in schema_files().items()}
    for name, schema in schemas.items():
        if name == "locales.schema.json":
            continue
        for where, field, value in _properties(schema):
            assert value.get("description", "").startswith("nl: ") and " / en: " in value["description"], \
                (name, where, field)
    data = load_site_data(ROOT / "data")
    provinces = [p.id for p in data.provinces]
    events = dict((where, fields) for where, fields in schemas["events.schema.json"]["$defs"].items())["Event"]
    offered = {field: _texts(value).get("enum") for field, value in events["properties"].items()}
    assert offered["regions"] == [r.id for r in data.regions]
    assert offered["challenges"] == [c.id for c in data.challenges]
    assert offered["contacts"] == [c.id for c in data.contacts]
    assert offered["provinces"] == provinces
    contact = schemas["contacts.schema.json"]["$defs"]["Contact"]["properties"]
    assert _texts(contact["provinces"])["enum"] == provinces
    assert _texts(contact["appointed_by"])["enum"] == [o.id for o in data.organisations]
    region = schemas["regions.schema.json"]["$defs"]
    assert _texts(region["Region"]["properties"]["sister_province"])["enum"] == provinces
    assert _texts(region["Opportunity"]["properties"]["challenges"])["enum"] == [c.id for c in data.challenges]

    import re

    start = re.compile(_texts(events["properties"]["start"])["pattern"])
    assert all(start.match(v) for v in ("2019-04", "2019-11-16", "2019-11-16 09:00"))
    assert not any(start.match(v) for v in ("2019-4", "16-11-2019", "2019-11-16 9:00", "2019-13"))

    locales = schemas["locales.schema.json"]
    dutch = yaml.safe_load((ROOT / "locales" / "nl.yml").read_text(encoding="utf-8"))
    assert locales["required"] == list(dutch) and locales["additionalProperties"] is False
    # Keys only: editing a text leaves the schema as it is.
    assert all(locales["properties"][key] == {"type": "string", "minLength": 1} for key in dutch)


def test_an_unknown_province_on_an_event_is_reported_on_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("I2PCC_MESSAGES", "en")
    import shutil

    from macros.content.problems import DataError
    from macros.content.site_data import load_site_data

    shutil.copytree(ROOT / "data", tmp_path / "data")
    events = tmp_path / "data" / "events.yml"
    text = events.read_text(encoding="utf-8").replace(
        "  - id: closing-seminar\n    kind: seminar\n", "  - id: closing-seminar\n    kind: seminar\n"
                                                        "    provinces: [limburg, west-vlaanderen]\n")
    events.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    provinces: [limburg, west-vlaanderen]") + 1
    try:
        load_site_data(tmp_path / "data")
    except DataError as error:
        assert [str(p) for p in error.problems] == [
            f"data/events.yml:{line}:26: entry 'closing-seminar', field 'provinces': 'west-vlaanderen' is not a "
            "province in data/organisations.yml: check the spelling (known: antwerpen, limburg, oost-vlaanderen, "
            "vlaams-brabant)"]
    else:
        raise AssertionError("an unknown province passed the data check")
    events.write_text(text.replace("west-vlaanderen", "vlaams-brabant"), encoding="utf-8")
    seminar = load_site_data(tmp_path / "data").events_for_province("vlaams-brabant")
    assert [e.id for e in seminar][-1] == "closing-seminar"


def test_check_reports_data_and_translation_status_without_building(project_copy):
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@localhost"]
    run(["git", "init", "-q"], project_copy, check=True)
    run([*git, "add", "-A"], project_copy, check=True)
    run([*git, "commit", "-qm", "all", "--date=2020-01-01T00:00:00"], project_copy, check=True,
        env={"GIT_COMMITTER_DATE": "2020-01-01T00:00:00", "PATH": "/usr/bin:/bin"})
    # The Dutch about page changes later than its translations; the Chinese projects page disappears.
    about = project_copy / "docs" / "nl" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nNieuwe alinea.\n", encoding="utf-8")
    (project_copy / "docs" / "zh" / "projects.md").unlink()
    run([*git, "commit", "-qam", "later"], project_copy, check=True)

    result = run([sys.executable, "-m", "macros.check"], project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/regions.yml: 5 items, elke tekst volledig in nl, en, zh" in result.stdout
    assert "nakijken about.md: ouder dan de Nederlandse bron in en, zh: kijk de vertaling na" in result.stdout
    assert "nakijken projects.md: ontbreekt in zh: daar staat de Nederlandse tekst" in result.stdout
    assert "in orde  regions/hebei.md" in result.stdout

    regions = project_copy / "data" / "regions.yml"
    regions.write_text(regions.read_text(encoding="utf-8").replace("sister_province: limburg", "sister_province: x"),
                       encoding="utf-8")
    failed = run([sys.executable, "-m", "macros.check"], project_copy)
    assert failed.returncode == 1
    assert "bij 'guangdong', veld 'sister_province'" in failed.stdout


HOSTILE_TEXTS = [
    "<script>window.__pwned = 1</script>",
    "<img src=x onerror=\"window.__pwned = 2\">",
    "[klik](javascript:window.__pwned=3)",
    "{{ config.site_name }} {% raw %}",
    "**vet** _schuin_ # kop | cel",
]


def test_no_data_value_runs_as_script_in_a_real_browser(project_copy, tmp_path, browser):
    regions = project_copy / "data" / "regions.yml"
    text = regions.read_text(encoding="utf-8")
    # The hostile texts go into the name and the key facts of Hebei.
    text = text.replace("      nl: Provincie Hebei\n", f"      nl: {json.dumps(HOSTILE_TEXTS[0])}\n", 1)
    text = text.replace("    key_facts:\n", "    key_facts:\n" + "".join(
        f"      - nl: {json.dumps(h, ensure_ascii=False)}\n        en: x\n        zh: x\n" for h in HOSTILE_TEXTS), 1)
    regions.write_text(text, encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-3000:]

    from conftest import soup

    built = soup(tmp_path / "site" / "regions" / "hebei" / "index.html")
    assert not [s for s in built.find_all("script") if "__pwned" in s.get_text()]
    assert not built.find_all(attrs={"onerror": True})
    assert not built.select('a[href^="javascript"]')

    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((tmp_path / "site" / "regions" / "hebei" / "index.html").as_uri())
    assert page.evaluate("window.__pwned") is None
    body = page.locator("article").inner_text()
    for hostile in HOSTILE_TEXTS:
        assert hostile in body, hostile
    assert not dialogs
    page.close()


def test_check_marks_each_problem_on_its_file_and_line_for_a_pull_request(project_copy, tmp_path):
    events = project_copy / "data" / "events.yml"
    text = events.read_text(encoding="utf-8").replace("\n    start: 2019-11-16\n", "\n    start: 2019-02-30\n")
    events.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    start: 2019-02-30") + 1
    (project_copy / "docs" / "en" / "news.md").write_text("# News\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = run([sys.executable, "-m", "macros.check", "--github"], project_copy,
                 env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    annotations = [row for row in result.stdout.splitlines() if row.startswith("::error ")]
    assert f"::error file=data/events.yml,line={line},col=5,title=I²PCC::bij 'b2b-cleantech-mission-2019', " \
           "veld 'start': '2019-02-30' is geen bestaande datum of tijd: kijk de dag, de maand en het uur na" \
           in annotations
    assert any(row.startswith("::error file=docs/en/news.md,line=1,col=1,") for row in annotations)
    assert len(annotations) == 2
    assert "## Vertalingen" in summary.read_text(encoding="utf-8")


def test_schemas_help_writes_nothing(tmp_path):
    before = {p.name: p.read_bytes() for p in (ROOT / "schemas").iterdir()}
    result = run([sys.executable, "-m", "macros.schemas", "--help"], ROOT)
    assert result.returncode == 0 and result.stdout.startswith("gebruik: python -m macros.schemas")
    assert {p.name: p.read_bytes() for p in (ROOT / "schemas").iterdir()} == before
