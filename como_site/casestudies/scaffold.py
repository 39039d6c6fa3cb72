"""`make new-case ID=...`: write a valid draft case file with every field explained, in all languages.

Its placeholder texts and example source are listed once, here: the validator refuses to publish a case
that still contains any of them (placeholder_texts, EXAMPLE_URL).
"""
from __future__ import annotations

import re
from pathlib import Path

from como_site import atomicfile
from como_site.casestudies.addresses import reserved_id_message, reserved_ids
from como_site.project import Project

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

PLACEHOLDER = {
    "actor": "Who these actors are (replace)",
    "title": "Title of the case study (replace)",
    "summary": "Two or three sentences that say what the cluster is and what it achieved (replace).",
    "context": "The region, the industry and the situation before the cluster initiative (replace).",
    "challenge": "What the actors needed to solve together (replace).",
    "approach": "How the cluster was built and organised, step by step (replace).",
    "source_title": "Title of the source document (replace)",
    "source_publisher": "Who published it (replace)",
}
EXAMPLE_URL = "https://www.example.org/replace-with-the-real-address"


def placeholder_texts() -> tuple[str, ...]:
    """Every text the scaffold writes for an editor to replace."""
    return tuple(PLACEHOLDER.values())


def _texts(languages: tuple[str, ...], field: str, indent: str = "  ", cited: bool = True) -> str:
    lines = [f"{indent}{lang}: \"{PLACEHOLDER[field]}\"" for lang in languages]
    return "\n".join(lines + ([f"{indent}sources: [source-1]"] if cited else []))


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
# region: {{en: ..., de: ...}}   # optional: region within the country, per language
sectors: [metal-industry]        # keys from case_studies/vocabularies.yml (sectors); replace
founded:                 # year the cluster was founded, and the source saying so
  year: 2016
  sources: [source-1]
services: []             # Como's service lines involved, keys from vocabularies.yml (services), if a source says so
actors:                  # who takes part; type is a key from vocabularies.yml (actor_types)
  - type: firm
    name:                # a proper name can be one text: name: University of X
{_texts(languages, "actor", "      ", cited=False)}
    sources: [source-1]

title:                   # per language; also the page title in the navigation
{_texts(languages, "title", cited=False)}
summary:                 # 2-3 sentences; shown on the overview card and as the page's lead
{_texts(languages, "summary")}
context:                 # Markdown allowed (**bold**, lists, [links](https://...)); no HTML
{_texts(languages, "context")}
challenge:
{_texts(languages, "challenge")}
approach:
{_texts(languages, "approach")}
# results:               # optional, same form as approach
# lessons:               # optional, same form as approach
# figures:               # optional: numbers with their year and source
#   - value: 20
#     unit: "%"
#     year: 2020
#     label: {{de: ..., en: ..., es: ..., fr: ...}}
#     sources: [source-1]

sources:                 # numbered on the page in this order
  - id: source-1         # lowercase letters, digits, hyphens; used in the `sources:` lists above
    title: {PLACEHOLDER["source_title"]}
    publisher: {PLACEHOLDER["source_publisher"]}
    url: {EXAMPLE_URL}
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
