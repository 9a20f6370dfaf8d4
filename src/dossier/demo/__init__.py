"""The bundled demo corpus (see demo/README.md for what each file exercises)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

CORPUS_NAME = "corpus"


@contextlib.contextmanager
def corpus_folder() -> Iterator[Path]:
    """The folder holding the demo corpus, wherever the package is installed."""
    with as_file(files(__name__) / CORPUS_NAME) as path:
        yield Path(path)


TESTIMONY = "testimonies/account-2017-04-18.md"


@contextlib.contextmanager
def demo_testimony_file() -> Iterator[Path]:
    """The demo's witness account (sealed into the demo case, never built as a document)."""
    with as_file(files(__name__) / TESTIMONY) as path:
        yield Path(path)
