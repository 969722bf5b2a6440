"""Issue 14: what an editor reads in the terminal is in the language of the messages (Dutch, English with
I2PCC_MESSAGES=en): the commands' help and their complaints about a wrong argument, and a build's lines, MkDocs' own
said in the catalogue's words and the rest of its chatter left out."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SITE_URL

from macros import check, schemas, stubs
from macros.engine import parallel_build

COMMANDS = ("check", "stubs", "schemas", "build")
# What argparse and MkDocs write in English; none of it may reach an editor who reads Dutch.
ARGPARSE_ENGLISH = ("usage", "options", "show this help", "error:", "unrecognized", "argument")
MKDOCS_ENGLISH = ("INFO", "WARNING", "ERROR", "Building documentation", "Cleaning site directory",
                  "Documentation built", "Doc file", "Error reading page", "Aborted", "[macros]", "mkdocs_static_i18n",
                  "Traceback")


def _environment(lang: str | None) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "I2PCC_MESSAGES"}
    return {**env, "I2PCC_MESSAGES": lang} if lang else env


# Each command's entry point, run in-process: both arguments end it before it reads or writes anything, and the
# language of the messages is read when a message is made. One command runs as an editor types it, at the end.
MAINS = {"check": lambda argv: check.main(ROOT, argv), "stubs": stubs.main, "schemas": schemas.main,
         "build": parallel_build.main}


@pytest.fixture
def command(monkeypatch, capsys):
    def run(name: str, argument: str, lang: str | None = None) -> subprocess.CompletedProcess:
        monkeypatch.delenv("I2PCC_MESSAGES", raising=False)
        if lang:
            monkeypatch.setenv("I2PCC_MESSAGES", lang)
        with pytest.raises(SystemExit) as ended:
            MAINS[name]([argument])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(name, ended.value.code, out, err)
    return run


@pytest.mark.parametrize("name", COMMANDS)
def test_the_help_of_a_command_is_dutch(command, name):
    result = command(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"gebruik: python -m macros.{name} [-h]"), result.stdout
    assert "\nopties:\n  -h, --help " in result.stdout and "toon deze hulp en stop" in result.stdout
    assert not [word for word in ARGPARSE_ENGLISH if word in result.stdout], result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_the_help_of_a_command_is_english_on_request(command, name):
    result = command(name, "--help", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: python -m macros.{name} [-h]"), result.stdout
    assert "\noptions:\n  -h, --help " in result.stdout and "show this help message and exit" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_a_wrong_argument_is_explained_in_dutch(command, name):
    result = command(name, "--nonsense")
    assert result.returncode == 2
    assert result.stdout == ""
    usage, complaint = result.stderr.splitlines()
    assert usage.startswith(f"gebruik: python -m macros.{name} ")
    assert complaint == (f"python -m macros.{name}: fout: dit kent de opdracht niet: --nonsense "
                         "(--help toont wat ze wel kent)")


def test_a_wrong_argument_is_explained_in_english_on_request(command):
    result = command("check", "--github=yes", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == ("python -m macros.check: error: --github takes no value (here 'yes'): "
                                              "leave out the part from = on")


def test_a_command_typed_in_the_terminal_answers_in_dutch():
    """The same as an editor types it: `python -m macros.build` (the module that loads the engine) and its help."""
    result = subprocess.run([sys.executable, "-m", "macros.build", "--help"], cwd=ROOT, env=_environment(None),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gebruik: python -m macros.build [-h]"), result.stdout
    assert not [word for word in ARGPARSE_ENGLISH if word in result.stdout], result.stdout


def _build(project: Path, lang: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build` of one language, as each process of the publishing build runs it."""
    env = {**_environment(lang), "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "I2PCC_LANGUAGE": "en"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                           str(project.parent / "site")], cwd=project, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=300)


def test_a_build_tells_the_editor_in_dutch_and_briefly(project_copy):
    result = _build(project_copy)
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.fullmatch(r"Site gebouwd in \d+,\d\d s\.\n", result.stdout), result.stdout[-3000:]

    # A link to a page that does not exist: MkDocs' own warning, which stops the build (strict).
    page = project_copy / "docs" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Contact](contcat.md)\n", encoding="utf-8")
    result = _build(project_copy)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines[0].startswith("Let op: docs/en/about.md: de link 'contcat.md' wijst naar docs/en/contcat.md, maar "
                               "die pagina bestaat niet."), result.stdout
    assert lines[-1] == "De site is niet gebouwd: verbeter eerst wat hierboven staat.", result.stdout
    assert len(lines) == 2, result.stdout
    assert not [word for word in MKDOCS_ENGLISH if word in result.stdout], result.stdout


def test_a_build_tells_the_editor_in_english_on_request(project_copy):
    page = project_copy / "docs" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ no_such_macro() }}\n", encoding="utf-8")
    result = _build(project_copy, "en")
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert re.match(r"Error: docs/en/about\.md:\d+: 'no_such_macro' does not exist", lines[0]), result.stdout
    assert lines[-1] == "The site was not built: first fix what is reported above.", result.stdout
    assert len(lines) == 2, result.stdout
    assert "Aborted" not in result.stdout and "Error reading page" not in result.stdout, result.stdout
