"""Compiled theme templates kept for the next language build in the same process.

MkDocs makes a new Jinja environment for every build, so each language compiled Material's and our ~50
templates again: about a third of a second per language. This bytecode cache keeps each template's
compiled code in memory, keyed as Jinja keys it (the template's name and file) and used only while the
template's source is the same (Jinja compares its checksum), so a build renders exactly what compiling
afresh would. It lives as long as the process: the language builds of one worker, or the preview.
"""
from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, tuple[str, CodeType]] = {}   # bucket key -> (source checksum, code)

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = (bucket.checksum, bucket.code)


COMPILED_TEMPLATES = CompiledTemplates()   # one per process, shared by its builds' environments
