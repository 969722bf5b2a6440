"""Results kept on disk between builds, keyed by a hash of everything they are made from, so that `mkdocs serve`
and repeated builds skip work whose inputs did not change. Deleting .cache/ is always safe."""

from __future__ import annotations

import hashlib
import os
import pickle
from typing import Any, Callable

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
