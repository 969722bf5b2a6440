"""Results kept on disk between builds, keyed by a hash of everything they are made from, so that `mkdocs serve`
and repeated builds skip work whose inputs did not change. Deleting .cache/ is always safe."""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2 import FileSystemBytecodeCache

from macros import ROOT

FOLDER = ROOT / ".cache" / "i2pcc"


def cached_text(kind: str, key: str, make: Callable[[], str]) -> str:
    return _cached(kind, key, make, lambda text: text.encode("utf-8"), lambda raw: raw.decode("utf-8"))


def cached_object(kind: str, key: str, make: Callable[[], Any]) -> Any:
    """For objects this code makes itself (never for anything read from elsewhere: unpickling runs code)."""
    return _cached(kind, key, make, pickle.dumps, pickle.loads)


def _cached(kind: str, key: str, make: Callable[[], Any], dump: Callable[[Any], bytes],
            load: Callable[[bytes], Any]) -> Any:
    path = FOLDER / kind / hashlib.sha256(key.encode("utf-8")).hexdigest()
    try:
        return load(path.read_bytes())
    except Exception:  # missing, unreadable or from an older version of the code: made again
        pass
    value = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so that a parallel build never reads half a file.
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_bytes(dump(value))
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout builds as well, only slower
    return value


class _CompiledTemplates(FileSystemBytecodeCache):
    """Its folder is made on the first write, so that a build stopped before it renders anything leaves no trace."""

    def dump_bytecode(self, bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a read-only checkout compiles on every build


# What Jinja compiles into a template's code besides its source.
_COMPILE_SETTINGS = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
                     "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
                     "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape",
                     "finalize", "undefined", "extensions", "optimized")


def keep_compiled(env: jinja2.Environment) -> jinja2.Environment:
    """Templates compiled once and kept between builds: every build and every process otherwise compiles each
    template again (MkDocs gives each language its own theme environment), a fifth of a build's time. Jinja keys
    each entry by the template's file and source only, so environments with other settings keep other folders."""
    settings = repr([(name, _described(getattr(env, name))) for name in _COMPILE_SETTINGS] + [jinja2.__version__])
    env.bytecode_cache = _cache_in(hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16])
    return env


def _described(value) -> str:
    if isinstance(value, dict):
        return repr(sorted(value))
    return getattr(value, "__qualname__", None) or repr(value)


@lru_cache(maxsize=None)
def _cache_in(folder: str) -> FileSystemBytecodeCache:
    return _CompiledTemplates(str(FOLDER / "jinja" / folder))
