"""como_site.inlinescripts: the CSP's script hashes come from the templates, and pages carry no other script."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from como_site.builtpages import read_site
from como_site.inlinescripts import (ThemeChanged, TemplateScripts, _guard, _theme, base_url, csp_hash,
                                     inline_scripts)
from tests.conftest import LANGUAGES


def test_hashes_from_the_templates_are_those_of_the_scripts_in_the_real_pages(built_site, project):
    scripts = TemplateScripts(project, built_site, list(LANGUAGES))
    found = {csp_hash(script) for lang in LANGUAGES for page in (built_site / lang).rglob("*.html")
             for script in inline_scripts(page.read_text(encoding="utf-8"))}
    assert set(scripts.hashes) == found
    assert scripts.faults(read_site(built_site, list(LANGUAGES))) == []
    policy = next(line for line in (built_site / ".htaccess").read_text(encoding="utf-8").splitlines()
                  if "Content-Security-Policy" in line)
    script_src = policy.split("script-src ")[1].split(";")[0].split()
    assert script_src == ["'self'", *scripts.hashes]


def test_the_depth_dependent_script_is_rendered_for_each_depth_and_the_404_base(built_site, project):
    depths = TemplateScripts(project, built_site, list(LANGUAGES)).by_base_url
    assert {".", "..", "../..", "../../..", "/wissen/de/"} <= set(depths)
    assert 'new URL("../../..",location)' in depths["../.."][0]   # the site's root: one storage scope for all
    assert 'new URL("/wissen/de/..",location)' in depths["/wissen/de/"][0]
    assert base_url(built_site, built_site / "de" / "404.html", project) == "/wissen/de/"
    assert base_url(built_site, built_site / "de" / "clusters" / "index.html", project) == ".."


def test_a_planted_inline_script_is_a_fault_and_gets_no_hash(built_site, project, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site / "de", site / "de")
    page = site / "de" / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", "<script>alert(1)</script></article>"),
                    encoding="utf-8")
    scripts = TemplateScripts(project, site, ["de"])
    assert scripts.faults(read_site(site, ["de"])) == [f"de/about/index.html: inline script not from a template "
                                f"({csp_hash('alert(1)').strip(chr(39))}): remove it from the page"]
    assert csp_hash("alert(1)") not in scripts.hashes


@pytest.mark.parametrize(("block", "fault"), [
    ('<script type="text/x-template">{{ x }}</script>',
     'data block of type "text/x-template" not from a template (allowed: application/json, application/ld+json)'),
    ('<script type="application/ld+json">{"@type": </script>', "application/ld+json block is not valid JSON"),
    ('<script type="application/json">alert(1)</script>', "application/json block is not valid JSON"),
    ('<script type="application/ld+json">{"@type": "Thing"}</script>', None),
])
def test_data_blocks_are_allowed_only_as_json_of_the_kinds_the_templates_emit(built_site, project, tmp_path,
                                                                             block, fault):
    site = tmp_path / "site"
    shutil.copytree(built_site / "de", site / "de")
    page = site / "de" / "about" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", block + "</article>"), encoding="utf-8")
    faults = TemplateScripts(project, site, ["de"]).faults(read_site(site, ["de"]))
    if fault is None:
        assert faults == []
    else:
        assert len(faults) == 1 and faults[0].startswith(f"de/about/index.html: {fault}"), faults


@pytest.mark.parametrize(("html", "bodies"), [
    ('<script type="application/json">{"a": 1}</script>', []),
    ('<script type="application/ld+json">{"a": "\\u003c/script"}</script>', []),
    ('<script src="x.js"></script>', []),
    ("<SCRIPT>a()</SCRIPT><script type=module>b()</script><script type='text/javascript'>c()</script>",
     ["a()", "b()", "c()"]),
])
def test_executable_inline_scripts_are_found_and_data_blocks_are_not(html, bodies):
    assert inline_scripts(html) == bodies


def copy_theme(project, tmp_path: Path) -> list[Path]:
    folders, _ = _theme(project)
    copies = [tmp_path / "overrides", tmp_path / "material"]
    for folder, copy in zip(folders, copies):
        shutil.copytree(folder, copy)
    return copies


def test_the_guard_fails_when_material_gains_an_inline_script_partial(project, tmp_path):
    folders = copy_theme(project, tmp_path)
    _guard(folders)
    (folders[1] / "partials" / "javascripts" / "new.html").write_text("<script>x()</script>", encoding="utf-8")
    with pytest.raises(ThemeChanged, match=r"partials/javascripts/ now holds .*new\.html.*review "
                                           r"como_site/inlinescripts\.py before upgrading"):
        _guard(folders)


def test_the_guard_fails_when_an_override_emits_an_undeclared_inline_script(project, tmp_path):
    folders = copy_theme(project, tmp_path)
    (folders[0] / "partials" / "extra.html").write_text("<script>track()</script>", encoding="utf-8")
    with pytest.raises(ThemeChanged, match=r"extra\.html emits an inline script: add it to TEMPLATE_SCRIPTS"):
        _guard(folders)
