"""JSON Schemas of the data files, generated from the models so that they are never written twice.

Editors with VS Code and its YAML extension get them through the `# yaml-language-server: $schema=` line at the
top of each data file. Regenerate after changing a model: python -m macros.schemas
"""

from __future__ import annotations

import argparse
import json
import sys

from macros import ROOT
from macros.content.site_data import DATA_FILES

SCHEMA_DIR = ROOT / "schemas"


def schema_files() -> dict[str, str]:
    """File name in schemas/ -> its JSON text."""
    return {
        name.replace(".yml", ".schema.json"): json.dumps(
            {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()},
            ensure_ascii=False, indent=2) + "\n"
        for name, model in DATA_FILES.items()
    }


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m macros.schemas", description=__doc__.splitlines()[0]).parse_args(argv)
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in schema_files().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
