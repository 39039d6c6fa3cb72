"""Check every case file against the schema and the project's rules; report all problems at once.

Each problem names the file, the line and the field, and says how to fix it, for editors who are not
programmers. Nothing is rendered until every file passes.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from babel import Locale
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from como_site.casestudies.addresses import reserved_id_message, reserved_ids
from como_site.casestudies.model import CaseStudy
from como_site.casestudies.scaffold import EXAMPLE_URL, placeholder_texts
from como_site.casestudies.vocabulary import Vocabulary, load_vocabulary
from como_site.contenttypes import CASE_STUDIES
from como_site.pagehtml import REMOTE_IMAGE, image_addresses, is_remote_image
from como_site.problems import Problem, relative
from como_site.project import Project
from como_site.schema import Schema, load_schema, text_fields, text_keys, vocabulary_values
from como_site.yamlsource import FieldPath, YamlDocument, field_name, load_yaml

VOCABULARY_PATH = Path("case_studies/vocabularies.yml")
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ"}   # CLDR territory codes that are not countries

# Text from YAML is Markdown only: raw HTML, script URLs and attribute lists could inject markup.
UNSAFE = [
    (re.compile(r"<\s*[A-Za-z!/?]"), "HTML is not allowed here; write plain text or Markdown "
                                    "(links as [text](https://...))"),
    (re.compile(r"\bjavascript\s*:", re.IGNORECASE), "script links are not allowed"),
    (re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE), "HTML event attributes (onclick=, onerror=...) are not allowed"),
    (re.compile(r"\{(?!\s*lang=[a-z]{2}\s*\})"), "curly braces are only allowed as {lang=xx}, to mark a name in "
                                                "another language (e.g. *Cluster Initiative Greenbook*{lang=en})"),
]

FRIENDLY_PATTERNS = {
    "id": "use lowercase letters, digits and single hyphens only, e.g. my-cluster",
    "country": "use the two-letter ISO country code in capitals, e.g. XK for Kosovo",
    "url": "must be a full address starting with https://, without spaces, < or >",
    "date": "write dates as YYYY-MM-DD, e.g. 2021-11-12",
    "accessed": "write dates as YYYY-MM-DD, e.g. 2021-11-12",
    "file": "lowercase letters, digits, dots and hyphens, ending in .png, .jpg, .jpeg, .webp or .gif",
}
TYPE_NAMES = {"string": "a text", "integer": "a whole number", "number": "a number", "array": "a list",
              "object": "a group of fields"}


@dataclass(frozen=True)
class CaseStudies:
    records: tuple[CaseStudy, ...]
    vocabulary: Vocabulary

    @property
    def published(self) -> tuple[CaseStudy, ...]:
        return tuple(record for record in self.records if record.published)


@lru_cache(maxsize=None)
def schema_validator(schema_file: Path) -> Draft202012Validator:
    return Draft202012Validator(load_schema(schema_file))


def schema_problems(document: YamlDocument, schema_file: Path) -> list[Problem]:
    """Every way a file's data breaks its content type's schema, in editors' words."""
    return [Problem(document.path, document.line(path), field_name(path), message)
            for path, message in (_schema_message(error) for error in schema_validator(schema_file).iter_errors(document.data))]


def language_problems(document: YamlDocument, schema: Schema, project: Project,
                      pending: list[str] | None = None) -> list[Problem]:
    """Every translatable text (found through the schema) needs every language; with `pending` (a type
    whose files may list languages still being translated) those may show the source text for now."""
    languages, source = project.codes, project.source_language
    allowed = text_keys(schema) | set(languages)
    problems = []
    for path, text in text_fields(schema, document.data):
        for key in text:
            if key not in allowed:
                problems.append(Problem(document.path, document.line((*path, key)), field_name((*path, key)),
                                        f"unknown language '{key}'; use one of: {', '.join(languages)}"))
        for lang in languages:
            if text.get(lang) or (lang in (pending or ()) and text.get(source)):
                continue
            hint = ("" if pending is None or lang == source
                    else f", or list {lang} under `pending:` to show the {source} text for now")
            problems.append(Problem(document.path, document.line(path), field_name(path),
                                    f"{project.language(lang).name} ({lang}) text is missing: add `{lang}: ...`{hint}"))
    return problems


def _schema_message(error: ValidationError) -> tuple[FieldPath, str]:
    path = tuple(error.absolute_path)
    last = next((part for part in reversed(path) if isinstance(part, str)), "")
    kind = error.validator
    if kind == "required":
        missing = re.search(r"'([^']+)'", error.message).group(1)
        return (*path, missing), f"required field is missing; add `{missing}:`"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        if error.schema.get("patternProperties"):
            return (*path, *extra[:1]), (f"unknown key {', '.join(extra)}: use language codes (de, en, es, fr)"
                                         + (" or sources" if allowed else ""))
        return (*path, *extra[:1]), f"unknown field {', '.join(extra)}; allowed here: {', '.join(allowed)}"
    if kind == "enum":
        return path, f"must be one of: {', '.join(map(str, error.validator_value))}"
    if kind == "pattern":
        return path, FRIENDLY_PATTERNS.get(last, f"does not have the expected form ({error.validator_value})")
    if kind == "type":
        return path, f"must be {TYPE_NAMES.get(error.validator_value, error.validator_value)}"
    if kind == "minimum":
        return path, f"must be {error.validator_value} or later"
    if kind in ("minItems", "minProperties"):
        return path, "must not be empty"
    if kind == "minLength":
        return path, "must not be empty"
    if kind == "uniqueItems":
        return path, "an entry is listed twice; keep one"
    if kind == "oneOf":
        if last == "founded":
            return path, "write a year (founded: 2016) or a year with sources (year: 2016, sources: [id])"
        return path, "write one text, or one text per language (de:, en:, es:, fr:)"
    if kind == "maxLength":
        return path, f"is too long (at most {error.validator_value} characters)"
    return path, error.message


def _strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


class _FileCheck:
    """The rules beyond the schema, for one case file whose data passed the schema."""

    def __init__(self, document: YamlDocument, schema: Schema, project: Project, vocabulary: Vocabulary,
                 today: datetime.date):
        self.document, self.schema, self.project, self.vocabulary, self.today = document, schema, project, vocabulary, today
        self.data: dict[str, Any] = document.data
        self.problems: list[Problem] = []

    def problem(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.document.path, self.document.line(path), field_name(path), message))

    def run(self, file_stem: str) -> list[Problem]:
        data = self.data
        if data["id"] != file_stem:
            self.problem(("id",), f"must match the file name: rename the file to {data['id']}.yml or set id: {file_stem}")
        self.check_safety()
        self.check_country()
        self.check_vocabulary()
        self.check_years_and_dates()
        self.check_sources()
        self.check_languages()
        self.check_images()
        if data["status"] == "published":
            self.check_placeholders()
        return self.problems

    @staticmethod
    def unknown(value: str, allowed: dict[str, Any]) -> str:
        return f"unknown key '{value}'; use one of: {', '.join(allowed)} (or add it to {VOCABULARY_PATH})"

    def check_safety(self) -> None:
        for path, text in _strings(self.data):
            for pattern, message in UNSAFE:
                if pattern.search(text):
                    self.problem(path, message)
                    break
            else:
                if any(is_remote_image(address) for address in image_addresses(text)):
                    self.problem(path, f"{REMOTE_IMAGE}: save the image in docs/assets/case-studies/ and list it "
                                       "under images:")

    def check_placeholders(self) -> None:
        """What `make new-case` wrote as an example must not go online (a draft may keep it)."""
        placeholders = placeholder_texts()
        for path, text in _strings(self.data):
            if EXAMPLE_URL in text:
                self.problem(path, "still the scaffold's example address: give the real https:// address of the source")
            elif any(placeholder in text for placeholder in placeholders):
                self.problem(path, "still the scaffold's placeholder text: write the real text")

    def check_country(self) -> None:
        code = self.data["country"]
        if code in NOT_COUNTRIES or code not in Locale("en").territories:
            self.problem(("country",), f"'{code}' is not an ISO 3166-1 alpha-2 country code (XK is accepted for Kosovo)")

    def check_vocabulary(self) -> None:
        """Every key from a vocabulary (the fields marked `x-vocabulary` in the schema) must be in it."""
        for path, value, name in vocabulary_values(self.schema, self.data):
            allowed = getattr(self.vocabulary, name)
            if value not in allowed:
                self.problem(path, self.unknown(value, allowed))

    def check_years_and_dates(self) -> None:
        founded = self.data["founded"]
        year_path = ("founded",) if isinstance(founded, int) else ("founded", "year")
        year = founded if isinstance(founded, int) else founded["year"]
        if year > self.today.year:
            self.problem(year_path, f"{year} lies in the future")
        for index, figure in enumerate(self.data.get("figures", [])):
            if figure["year"] > self.today.year:
                self.problem(("figures", index, "year"), f"{figure['year']} lies in the future")
        for index, source in enumerate(self.data["sources"]):
            for key in ("date", "accessed"):
                if key not in source:
                    continue
                try:
                    day = datetime.date.fromisoformat(source[key])
                except ValueError:
                    self.problem(("sources", index, key), f"'{source[key]}' is not a calendar date (YYYY-MM-DD)")
                    continue
                if day > self.today:
                    self.problem(("sources", index, key), f"{source[key]} lies in the future")

    def check_sources(self) -> None:
        ids = [source["id"] for source in self.data["sources"]]
        for index, source_id in enumerate(ids):
            if source_id in ids[:index]:
                self.problem(("sources", index, "id"), f"source id '{source_id}' is used twice; give each source its own id")
        for path, value in _strings(self.data):
            if "sources" in path and path[-2] == "sources" and path[0] != "sources" and value not in ids:
                self.problem(path, f"unknown source '{value}'; list it under sources (known: {', '.join(ids)})")

    def check_languages(self) -> None:
        languages = self.project.codes
        source = self.project.source_language
        pending = self.data.get("pending", [])
        for index, lang in enumerate(pending):
            if lang not in languages:
                self.problem(("pending", index), f"unknown language '{lang}'; use one of: {', '.join(languages)}")
            elif lang == source:
                self.problem(("pending", index), f"{source} is the source language and cannot be pending")
        self.problems += language_problems(self.document, self.schema, self.project, pending)

    def check_images(self) -> None:
        for index, image in enumerate(self.data.get("images", [])):
            if not (self.project.docs_dir / "assets" / "case-studies" / image["file"]).is_file():
                self.problem(("images", index, "file"), f"docs/assets/case-studies/{image['file']} does not exist; add the image there")


def case_files(project: Project) -> list[Path]:
    return sorted(path for path in project.case_studies_dir.glob("*.yml") if path.name != VOCABULARY_PATH.name)


def load_case_studies(project: Project, today: datetime.date | None = None) -> tuple[CaseStudies | None, list[Problem]]:
    """Every case study of the project, or every problem found in any of the files."""
    today = today or datetime.date.today()
    root = project.root
    vocabulary, problems = load_vocabulary(root / VOCABULARY_PATH, VOCABULARY_PATH.as_posix(), project.codes, root)
    schema_file = root / CASE_STUDIES.schema
    schema = CASE_STUDIES.schema_at(root)
    records: list[CaseStudy] = []
    seen: dict[str, str] = {}
    reserved = reserved_ids(project)
    for path in case_files(project):
        shown = relative(path, root)
        document, file_problems = load_yaml(path, shown, root)
        problems.extend(file_problems)
        if document is None:
            continue
        if not isinstance(document.data, dict):
            problems.append(Problem(shown, 1, "(file)", "a case file must be a list of fields (id:, status:, ...)"))
            continue
        found = schema_problems(document, schema_file)
        problems.extend(found)
        if found or vocabulary is None:
            continue
        problems.extend(_FileCheck(document, schema, project, vocabulary, today).run(path.stem))
        case_id = document.data["id"]
        reserved_message = reserved_id_message(case_id, reserved)
        if reserved_message:
            problems.append(Problem(shown, document.line(("id",)), "id", reserved_message))
        if case_id in seen:
            problems.append(Problem(shown, document.line(("id",)), "id",
                                    f"id '{case_id}' is already used by {seen[case_id]}; choose another"))
        seen[case_id] = shown
        records.append(CaseStudy.from_data(document.data, shown, schema))
    if problems:
        return None, sorted(set(problems))
    return CaseStudies(tuple(records), vocabulary), []
