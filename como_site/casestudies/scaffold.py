"""`make new-case ID=...`: write a valid draft case file with every field explained, in all languages.

The case's texts, and the placeholder written into each field, come from the case-study schema
(`x-translatable`, `x-placeholder`, `description`): PLACEHOLDER below is read from there. The validator refuses
to publish a case that still contains any of them (placeholder_texts, EXAMPLE_URL).
"""
from __future__ import annotations

import re
from pathlib import Path

from como_site import atomicfile
from como_site.casestudies.addresses import reserved_id_message, reserved_ids
from como_site.contenttypes import CASE_STUDIES
from como_site.project import ROOT, Project
from como_site.schema import is_translatable, placeholders

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SCHEMA = CASE_STUDIES.schema_at(ROOT)
PLACEHOLDER = placeholders(SCHEMA)   # field pattern (`title`, `actors[].name`) -> placeholder text
EXAMPLE_URL = PLACEHOLDER["sources[].url"]


def placeholder_texts() -> tuple[str, ...]:
    """Every text the scaffold writes for an editor to replace."""
    return tuple(text for text in PLACEHOLDER.values() if text != EXAMPLE_URL)


def _texts(languages: tuple[str, ...], field: str, indent: str = "  ", cited: bool = True) -> str:
    lines = [f"{indent}{lang}: \"{PLACEHOLDER[field]}\"" for lang in languages]
    return "\n".join(lines + ([f"{indent}sources: [source-1]"] if cited else []))


def _case_texts(languages: tuple[str, ...]) -> str:
    """Every translatable field of the case itself, in the schema's order: a required one with its
    placeholder in each language (cited, except the title), an optional one as a comment."""
    blocks = []
    for name, node in SCHEMA["properties"].items():
        if not is_translatable(node, SCHEMA):
            continue
        note = f"   # {node['description']}" if "description" in node else ""
        if name in SCHEMA["required"] and name in PLACEHOLDER:
            blocks.append(f"{name}:{note}\n{_texts(languages, name, cited=name != 'title')}")
        else:
            blocks.append(f"# {name}: {{{', '.join(f'{lang}: ...' for lang in languages)}}}{note}")
    return "\n".join(blocks)


def skeleton(case_id: str, project: Project) -> str:
    languages = project.codes
    return f"""\
# Case study "{case_id}". Every fact needs a source listed under `sources:` at the end;
# write no figure, member, date or name that a source does not give.
# Check your work with `make site` (or `make serve`): problems are reported as file:line: field: message.

id: {case_id}               # the web address: /<language>/case-studies/{case_id}/ (must match the file name)
status: draft            # draft = not on the public site; change to published when the texts are final
# pending: [fr]          # languages still being translated: their missing texts show the {project.source_language} text with a notice
# names: [ABC, XYZ]      # other names or acronyms of the cluster
country: XK              # ISO 3166-1 alpha-2 code in capitals (XK = Kosovo); replace
sectors: [metal-industry]        # keys from case_studies/vocabularies.yml (sectors); replace
founded:                 # year the cluster was founded, and the source saying so
  year: 2016
  sources: [source-1]
services: []             # Como's service lines involved, keys from vocabularies.yml (services), if a source says so
actors:                  # who takes part; type is a key from vocabularies.yml (actor_types)
  - type: firm
    name:                # a proper name can be one text: name: University of X
{_texts(languages, "actors[].name", "      ", cited=False)}
    sources: [source-1]

{_case_texts(languages)}
# figures:               # optional: numbers with their year and source
#   - value: 20
#     unit: "%"
#     year: 2020
#     label: {{de: ..., en: ..., es: ..., fr: ...}}
#     sources: [source-1]

sources:                 # numbered on the page in this order
  - id: source-1         # lowercase letters, digits, hyphens; used in the `sources:` lists above
    title: {PLACEHOLDER["sources[].title"]}
    publisher: {PLACEHOLDER["sources[].publisher"]}
    url: {PLACEHOLDER["sources[].url"]}
    # date: 2021-11-12     # publication or last update, YYYY-MM-DD, if known
    # accessed: 2026-11-27 # when you read it, YYYY-MM-DD
"""


def new_case(project: Project, case_id: str) -> Path:
    if not ID_PATTERN.match(case_id):
        raise ValueError(f"'{case_id}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. my-cluster")
    reserved = reserved_id_message(case_id, reserved_ids(project), fix="choose another id")
    if reserved:
        raise ValueError(reserved)
    path = project.case_studies_dir / f"{case_id}.yml"
    if path.exists():
        raise FileExistsError(f"{path.relative_to(project.root)} already exists")
    atomicfile.write_text(path, skeleton(case_id, project))
    return path
