"""Which engine builds the site: MkDocs 1.6 (the lock) or ProperDocs, its maintained fork, in its place.

ProperDocs 1.6 reads the same mkdocs.yml and loads the same theme and plugins, which import `mkdocs.*`;
`properdocs.replacement` makes those imports (and our hooks') load `properdocs.*`. ProperDocs logs to the
`properdocs` logger while the plugins keep logging under `mkdocs.*`; as ProperDocs' own command does,
those records are passed on to its logger, so a strict build counts them and a collector sees them all.
"""
from __future__ import annotations

import importlib.util
import logging
from functools import cache


@cache   # once per process: after the alias, `mkdocs` would be found whichever engine is installed
def load_engine() -> logging.Logger:
    """Make `mkdocs.*` importable from whichever engine is installed; returns the engine's logger."""
    if importlib.util.find_spec("mkdocs") is not None:
        return logging.getLogger("mkdocs")
    import properdocs.replacement  # noqa: F401 - from here on, `mkdocs.*` imports load `properdocs.*`

    engine_logger, plugins_logger = logging.getLogger("properdocs"), logging.getLogger("mkdocs")
    plugins_logger.parent = engine_logger
    plugins_logger.setLevel(logging.NOTSET)
    plugins_logger.propagate = True
    return engine_logger
