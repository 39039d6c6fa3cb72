"""como_site.templatecache: a later Jinja environment of the process reuses the compiled templates, never a stale one."""
from __future__ import annotations

import jinja2

from como_site.templatecache import CompiledTemplates


def environment(sources: dict[str, str], cache: CompiledTemplates, compiled: list[str]) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
    compile_source = env.compile

    def counting(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return compile_source(source, name, filename, *args, **kwargs)

    env.compile = counting
    return env


def test_a_second_environment_renders_the_same_without_compiling_and_a_changed_source_is_compiled():
    cache, compiled = CompiledTemplates(), []
    sources = {"page.html": "{% extends 'base.html' %}{% block body %}{{ title }}{% endblock %}",
               "base.html": "<h1>{% block body %}{% endblock %}</h1>"}
    first = environment(sources, cache, compiled).get_template("page.html").render(title="Eins")
    assert sorted(compiled) == ["base.html", "page.html"]
    second = environment(sources, cache, compiled).get_template("page.html").render(title="Eins")
    assert second == first == "<h1>Eins</h1>" and len(compiled) == 2
    changed = environment({**sources, "base.html": "<h2>{% block body %}{% endblock %}</h2>"}, cache, compiled)
    assert changed.get_template("page.html").render(title="Zwei") == "<h2>Zwei</h2>"
    assert compiled[2:] == ["base.html"]
