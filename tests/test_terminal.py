"""Issue 14: what an editor reads in the terminal is in the language of the messages (Dutch, English with
I2PCC_MESSAGES=en): the commands' help and their complaints about a wrong argument. A build's lines (MkDocs' own said
in the catalogue's words, the rest of its chatter left out) are tested with the page mistakes, in
tests/test_page_errors.py, whose builds they share."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from macros import check, schemas, stubs
from macros.engine import parallel_build

COMMANDS = ("check", "stubs", "schemas", "build")
# What argparse writes in English; none of it may reach an editor who reads Dutch.
ARGPARSE_ENGLISH = ("usage", "options", "show this help", "error:", "unrecognized", "argument")


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
