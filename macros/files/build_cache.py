"""Results kept on disk between builds, keyed by a hash of everything they are made from, so that `mkdocs serve`
and repeated builds skip work whose inputs did not change. Deleting .cache/ is always safe."""

from __future__ import annotations

import hashlib
import os
from typing import Callable

from macros import ROOT

FOLDER = ROOT / ".cache" / "i2pcc"


def cached_text(kind: str, key: str, make: Callable[[], str]) -> str:
    path = FOLDER / kind / (hashlib.sha256(key.encode("utf-8")).hexdigest() + ".txt")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed, so that a parallel build never reads half a file.
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass  # a read-only checkout builds as well, only slower
    return text
