"""Editors' files are input, not code (issue 10, items 2, 5, 6 and 13): each planted bad file stops
`python -m como_site build` (and `check`) with `path:line: message`, exit 1, and site/ byte for byte as it was.

One tiny project is built once for the module; every test plants its bad input and removes it again.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from como_site.builders.engine import load_engine
from tests.conftest import TinyProject

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi"))
DEEP = "x: " + "[" * 5000 + "]" * 5000 + "\n"
PAGE = "---\ntitle: Startseite\ndescription: Die Startseite.\n{extra}---\n\n# Startseite\n"


class Planted:
    """The shared tiny project, the site it built, and bad files planted for one test only."""

    def __init__(self, project: TinyProject, before: dict[str, bytes]):
        self.project, self.before = project, before
        self.originals: list[tuple[Path, bytes | None]] = []

    def put(self, relative: str, content: str | bytes | None = None, link_to: str | Path | None = None) -> Path:
        path = self.project.root / relative
        original = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        self.originals.append((path, original))
        path.parent.mkdir(parents=True, exist_ok=True)
        if link_to is not None:
            if original is not None:
                path.unlink()
            path.symlink_to(link_to)
        else:
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    def config(self, old: str, new: str) -> None:
        text = (self.project.root / "mkdocs.yml").read_text(encoding="utf-8")
        assert old in text
        self.put("mkdocs.yml", text.replace(old, new, 1))

    def line_of(self, relative: str, needle: str) -> int:
        text = (self.project.root / relative).read_bytes()
        return text[:text.index(needle.encode())].count(b"\n") + 1

    def refused(self, *messages: str, command: str = "build") -> str:
        return self.project.assert_refused(self.before, *messages, command=(command,))

    def restore(self) -> None:
        for path, original in reversed(self.originals):
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)
            if original is not None:
                path.write_bytes(original)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    project = TinyProject(tmp_path_factory.mktemp("untrusted") / "project")
    return project, project.built_site()


@pytest.fixture
def planted(shared):
    plant = Planted(*shared)
    yield plant
    plant.restore()


# -- item 2: links and sizes ----------------------------------------------------------------------------

def test_asset_linked_to_the_process_environment_is_refused_and_never_copied(planted):
    planted.put("docs/assets/leak", link_to="/proc/self/environ")
    planted.refused("docs/assets/leak: symbolic link to outside the repository")


@pytest.mark.parametrize("relative", ["docs/de/about.md", "case_studies/linked.yml", "i18n/glossary.yml"])
def test_file_linked_to_outside_is_refused_in_every_content_folder(planted, tmp_path, relative):
    outside = tmp_path / "outside.txt"
    outside.write_text("title: secret\n", encoding="utf-8")
    planted.put(relative, link_to=outside)
    planted.refused(f"{relative}: symbolic link to outside the repository")


def test_plain_mkdocs_build_copies_nothing_linked(planted, tmp_path):
    """A plain `mkdocs build` stops before it copies any file (it is not our build: see the hooks)."""
    planted.put("docs/assets/leak", link_to="/proc/self/environ")
    engine = load_engine().name   # mkdocs, or properdocs under `make test-properdocs`
    result = subprocess.run([sys.executable, "-m", engine, "build", "-q", "-d", str(tmp_path / "out")],
                            cwd=planted.project.root, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Build this site with `make site`" in result.stdout + result.stderr
    assert not list((tmp_path / "out").rglob("leak"))


def test_folder_linked_to_outside_is_refused_and_not_entered(planted):
    planted.put("docs/de/etc", link_to="/etc")
    output = planted.refused("docs/de/etc: symbolic link to outside the repository")
    assert "passwd" not in output


def test_link_inside_the_repository_says_to_put_the_file_there(planted):
    planted.put("docs/de/copy.md", link_to="../en/index.md")
    planted.refused("docs/de/copy.md: symbolic link (to docs/en/index.md); replace it with the file itself")


def test_oversized_page_is_refused_with_the_limit(planted):
    planted.put("docs/de/big.md", PAGE.format(extra="") + "Text. " * 50_000)
    planted.refused("docs/de/big.md: the file has 293 KB; a page file may have at most 256 KB")


def test_oversized_image_is_refused_with_the_limit(planted):
    planted.put("docs/assets/photo.jpg", b"\xff\xd8" + bytes(6 * 1024 * 1024))
    planted.refused("docs/assets/photo.jpg: the file has 6,144 KB; an image file may have at most 5,120 KB")


@pytest.mark.parametrize("name", ["docs/en/offer.html", "docs/assets/tracker.js", "docs/assets/drawing.svg",
                                  "docs/assets/theme.css"])
def test_files_that_would_be_published_as_code_are_refused(planted, name):
    """docs/ is copied into the site on our own origin, which the CSP trusts as 'self'."""
    planted.put(name, "<script>alert(1)</script>")
    planted.refused(f"{name}: file-type: docs/ may hold only pages (.md) and images")


# -- item 6 and 13: YAML and encoding -----------------------------------------------------------------

def test_alias_bomb_in_a_case_file_fails_fast_with_its_line(planted):
    planted.put("case_studies/bomb.yml", BOMB)
    planted.refused("case_studies/bomb.yml:1: yaml: anchors and aliases (&x, *x) are not allowed: write the value out")


def test_alias_bomb_in_front_matter_fails_fast_with_its_line(planted):
    planted.put("docs/de/index.md", PAGE.format(extra=BOMB))
    planted.refused("docs/de/index.md:4: front-matter: anchors and aliases (&x, *x) are not allowed: write the "
                    "value out")


@pytest.mark.parametrize("command", ["build", "check"])
def test_deep_nesting_in_a_case_file_is_a_message_not_a_recursion_error(planted, command):
    planted.put("case_studies/deep.yml", "id: deep\n" + DEEP)
    planted.refused("case_studies/deep.yml:2: yaml: nested more than 20 levels deep: write the fields flatter",
                    command=command)


def test_deep_nesting_in_front_matter_is_a_message(planted):
    planted.put("docs/de/index.md", PAGE.format(extra=DEEP))
    planted.refused("docs/de/index.md:4: front-matter: nested more than 20 levels deep")


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("relative, head, line", [
    ("docs/de/index.md", "---\ntitle: Startseite\ndescription: Die Startseite.\n---\n\n# Startseite\n\n", 8),
    ("case_studies/broken.yml", "id: broken\nstatus: draft\n", 3),
])
def test_invalid_utf8_is_reported_with_its_line(planted, command, relative, head, line):
    planted.put(relative, head.encode() + b"Gr\xfc\xdfe\n")
    planted.refused(f"{relative}:{line}: encoding: not valid UTF-8 (byte 0xfc); save the file as UTF-8",
                    command=command)


def test_invalid_utf8_in_the_labels_is_reported_with_its_line(planted):
    labels = planted.project.root / "i18n" / "labels.yml"
    text = labels.read_bytes()
    line = text.count(b"\n") + 1
    planted.put("i18n/labels.yml", text + b"extra: {de: \xe4}\n")
    planted.refused(f"i18n/labels.yml:{line}: encoding: not valid UTF-8 (byte 0xe4); save the file as UTF-8")


def test_a_page_saved_with_a_byte_order_mark_is_accepted(planted):
    planted.put("docs/de/index.md", b"\xef\xbb\xbf" + PAGE.format(extra="").encode())
    result = planted.project.cli("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_duplicate_key_in_front_matter_is_reported(planted):
    planted.put("docs/de/index.md", PAGE.format(extra="title: Noch einmal\n"))
    planted.refused("docs/de/index.md:4: front-matter.title: this field is given twice; keep one")


@pytest.mark.parametrize("command", ["build", "check"])
def test_tab_in_mkdocs_yml_names_the_line(planted, command):
    planted.config("  name: material\n", "\tname: material\n")
    line = planted.line_of("mkdocs.yml", "\tname: material")
    planted.refused(f"mkdocs.yml:{line}: yaml: this line is indented with a tab: use spaces, not tabs",
                    command=command)


# -- mkdocs.yml is content: no code through tags or code keys ---------------------------------------

def test_python_tag_in_mkdocs_yml_is_refused_before_mkdocs_runs_it(planted):
    marker = planted.project.root / "pwned"
    planted.config("site_name: Como – Cluster Knowledge\n",
                   f"site_name: !!python/object/apply:os.system ['touch {marker}']\n")
    line = planted.line_of("mkdocs.yml", "site_name: !!python")
    planted.refused(f"mkdocs.yml:{line}: yaml: the tag tag:yaml.org,2002:python/object/apply:os.system is not "
                    "allowed (only !ENV)")
    assert not marker.exists()


@pytest.mark.parametrize("old, new, field, value", [
    ("  - hooks/como_hooks.py\n", "  - hooks/como_hooks.py\n  - docs/evil.py\n", "hooks", "docs/evil.py"),
    ("  - i18n:\n", "  - macros\n  - i18n:\n", "plugins", "macros"),
    ("  custom_dir: overrides\n", "  custom_dir: docs/assets\n", "theme.custom_dir", "docs/assets"),
    ("  - assets/como.css\n", "  - assets/como.css\n  - https://evil.example/x.css\n", "extra_css",
     "https://evil.example/x.css"),
])
def test_code_keys_of_mkdocs_yml_stay_in_the_allow_list(planted, old, new, field, value):
    planted.config(old, new)
    line = planted.line_of("mkdocs.yml", value)
    planted.refused(f"mkdocs.yml:{line}: {field}: '{value}' is code; it can only be changed in "
                    "como_site/configcode.py by a developer")


@pytest.mark.parametrize("old, new, field, needle", [
    ("  icon:\n", "  logo: 'assets/logo.png\" onerror=\"alert(1)'\n  icon:\n", "theme.logo", "  logo:"),
    ("copyright: © Como\n", "copyright: © Como\nrepo_name: <b onclick=alert(1)>repo</b>\n", "repo_name", "repo_name:"),
    ("          default: true\n", "          default: true\n          extra: {homepage: 'javascript:alert(1)'}\n",
     "plugins[1].i18n.languages[1].extra.homepage", "homepage:"),
])
def test_values_the_theme_prints_unescaped_are_refused(planted, old, new, field, needle):
    """Material prints these into every page as they are: without the check, `theme.logo` above put an
    onerror= handler on every page's logo."""
    planted.config(old, new)
    planted.refused(f"mkdocs.yml:{planted.line_of('mkdocs.yml', needle)}: {field}: the theme would print this value "
                    "into every page unescaped and unchecked, and the site does not use it: remove it")


@pytest.mark.parametrize("old, new, name", [
    ("    logo: material/hub-outline\n", "    logo: material/hub-outlin\n", "material/hub-outlin"),
    ("    logo: material/hub-outline\n", "    logo: ../../../../etc/passwd\n", "../../../../etc/passwd"),
    ("toggle: {icon: material/brightness-7,", "toggle: {icon: material/brightness-77,", "material/brightness-77"),
])
def test_an_icon_the_theme_does_not_have_is_a_message_not_a_traceback(planted, old, new, name):
    """Material includes `.icons/<name>.svg` for every icon mkdocs.yml names: a misspelt one stopped the
    build with Jinja's TemplateNotFound traceback."""
    planted.config(old, new)
    planted.refused(f"mkdocs.yml:{planted.line_of('mkdocs.yml', name)}: theme: the theme has no icon or language "
                    f"'{name}': correct the name")


def test_a_script_address_in_the_navigation_is_refused(planted):
    """A nav entry is printed as a link on every page: without the check, javascript: reached them all."""
    planted.config("\nnav:\n", "\nnav:\n- Evil: javascript:alert(1)\n")
    planted.refused(f"mkdocs.yml:{planted.line_of('mkdocs.yml', 'Evil:')}: nav: javascript:alert(1): javascript: "
                    "addresses are not allowed")


# -- item 5 and 13: front-matter fields and types -----------------------------------------------------

@pytest.mark.parametrize("command", ["build", "check"])
def test_template_from_front_matter_is_refused_unless_the_home_layout(planted, command):
    planted.put("docs/de/index.md", PAGE.format(extra="template: ../..\n"))
    planted.refused("docs/de/index.md:4: front-matter.template: '../..' is not a layout of this site: write "
                    "home.html, or leave the field out", command=command)


def test_an_editors_page_cannot_claim_to_be_generated(planted):
    planted.put("docs/de/index.md", PAGE.format(extra="generated_from: x\n"))
    planted.refused("docs/de/index.md:4: front-matter.generated_from: unknown field")


@pytest.mark.parametrize("value", ["[Start, Seite]", "2024", "{a: b}"])
def test_title_must_be_a_text(planted, value):
    planted.put("docs/de/index.md", f"---\ntitle: {value}\ndescription: Die Startseite.\n---\n\n# Start\n")
    planted.refused("docs/de/index.md:2: front-matter.title: must be a text, in quotes if it starts with a "
                    "special character")


# -- item 13: the shape of mkdocs.yml and the vocabularies --------------------------------------------

def test_languages_without_a_default_are_a_message(planted):
    planted.config("          default: true\n", "")
    line = planted.line_of("mkdocs.yml", "      languages:")
    planted.refused(f"mkdocs.yml:{line}: plugins[1].i18n.languages: mark exactly one language `default: true`")


def test_company_details_must_be_key_value_lines(planted):
    planted.config("  company:\n", "  company: [Como]\n  old_company:\n")
    line = planted.line_of("mkdocs.yml", "  company:")
    planted.refused(f"mkdocs.yml:{line}: extra.company: write this as key: value lines")


def test_a_service_page_in_the_vocabulary_is_a_plain_path(planted):
    text = (planted.project.root / "case_studies" / "vocabularies.yml").read_text(encoding="utf-8")
    planted.put("case_studies/vocabularies.yml", text.replace("page: services/conception.md",
                                                              "page: 'x.md) [click](javascript:alert(1)'"))
    line = planted.line_of("case_studies/vocabularies.yml", "page: 'x.md)")
    planted.refused(f"case_studies/vocabularies.yml:{line}: services.conception.page: name the service page as a "
                    "path in the language folder")
