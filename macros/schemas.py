"""JSON Schemas of the data files and the interface strings, generated from the models and the current data.

Editors with VS Code and its YAML extension get them through the `# yaml-language-server: $schema=` line at the
top of each file in data/ and locales/: every field with its meaning, the ids that exist where a field refers to
another entry, the form of dates. Regenerate after changing a model, adding an id or a string:
python -m macros.schemas
"""

from __future__ import annotations

import json
import sys

from macros import ROOT
from macros.command_line import CommandParser
from macros.content.problems import DataError
from macros.content.site_data import DATA_FILES, SiteData, load_site_data
from macros.content.strings import load_strings
from macros.languages import DEFAULT_LANGUAGE
from macros.messages import message

SCHEMA_DIR = ROOT / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# (model, field) -> the ids it may name, so that an editor picks from the existing ones.
REFERENCES = {
    ("Opportunity", "challenges"): "challenges",
    ("Region", "sister_province"): "provinces",
    ("Event", "regions"): "regions",
    ("Event", "provinces"): "provinces",
    ("Event", "challenges"): "challenges",
    ("Event", "contacts"): "contacts",
    ("Contact", "organisation"): "organisations",
    ("Contact", "appointed_by"): "organisations",
    ("Contact", "provinces"): "provinces",
}


def schema_files() -> dict[str, str]:
    """File name in schemas/ -> its JSON text. Reads data/ and locales/ (a DataError when they hold a mistake)."""
    data = load_site_data(ROOT / "data")
    schemas = {name.replace(".yml", ".schema.json"): _with_ids(model.model_json_schema(), data)
               for name, model in DATA_FILES.items()}
    schemas["locales.schema.json"] = _locales_schema()
    return {name: json.dumps({"$schema": DRAFT, **schema}, ensure_ascii=False, indent=2) + "\n"
            for name, schema in schemas.items()}


def _with_ids(schema: dict, data: SiteData) -> dict:
    for (model, field), kind in REFERENCES.items():
        definition = schema.get("$defs", {}).get(model)
        if definition:
            _offer(definition["properties"][field], [item.id for item in getattr(data, kind)])
    return schema


def _offer(schema: dict, ids: list[str]) -> None:
    """Put the ids on the text of a field, whether the field is one id, a list of them, or optional."""
    if "items" in schema:
        _offer(schema["items"], ids)
    elif "anyOf" in schema:
        for option in schema["anyOf"]:
            if option.get("type") != "null":
                _offer(option, ids)
    else:
        schema["enum"] = ids


def _locales_schema() -> dict:
    """Every key of the Dutch bundle, required in each language. The Dutch texts themselves stay out: editing a
    text must not make the schema outdated."""
    dutch = load_strings(ROOT / "locales").bundles[DEFAULT_LANGUAGE]
    return {
        "title": "Interface strings",
        "description": "nl: de teksten rond de gegevens, met in elke taal dezelfde sleutels / en: the texts around "
                       "the data, with the same keys in every language",
        "type": "object",
        "properties": {key: {"type": "string", "minLength": 1} for key in dutch},
        "required": list(dutch),
        "additionalProperties": False,
    }


def main(argv: list[str] | None = None) -> int:
    CommandParser(prog="python -m macros.schemas", description=message("schemas_description")).parse_args(argv)
    try:
        files = schema_files()
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    write(files)
    return 0


def write(files: dict[str, str]) -> list[str]:
    """Write the schemas that changed; their names."""
    SCHEMA_DIR.mkdir(exist_ok=True)
    changed = []
    for name, text in files.items():
        path = SCHEMA_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
            print(message("schemas_wrote", name=name))
    return changed


if __name__ == "__main__":
    sys.exit(main())
