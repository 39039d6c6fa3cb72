"""The preview's warm builders: one long-lived process per previewed language, the engine and templates loaded.

A full build runs the usual pipeline (como_site.build) with these processes as its language builders, and
each keeps what its build made. After an edit of Markdown pages only, the pages are rendered again alone
(`page_edits` says which, in which language) and the site is finished again from the kept page records;
anything else, or a page whose title, front matter or headings changed, or any warning, is a full build of
the affected languages, in the same warm processes (their caches of configuration and labels are dropped,
and the processes restarted, when the configuration, labels, templates or hooks change). Either way the
preview's output is the one a full build of the same input makes (tests/integration/test_warm_preview.py).
"""
from __future__ import annotations

from multiprocessing import get_context
from pathlib import Path

from como_site.build import BuildError
from como_site.buildcontext import BuildContext
from como_site.builders.mkdocs import LanguageBuild, WarmLanguage, build_language
from como_site.builtpages import PageRecord, read_page, read_site
from como_site.contentcheck import check_page
from como_site.contenttypes import Content
from como_site.fallbacks import fallback_page, missing_translations
from como_site.labels import labels_for
from como_site.pages import is_generated
from como_site.postprocess import postprocess
from como_site.project import Project, project_at
from como_site.themeassets import ThemeAssets

RESTART_ON = ("mkdocs.yml", "i18n", "overrides", "hooks", "case_studies/schema")   # what a process keeps loaded

PageEdits = dict[str, dict[str, str | None]]   # language -> page path -> new in-memory Markdown (None: a file)


def page_edits(project: Project, changed: set[Path], known: set[Path], languages: list[str]) -> PageEdits | None:
    """The pages of each previewed language to render again after `changed` (files that were `known`
    before the edit): an edited translation in its language; an edited source page in the source language
    and in every other one (its fallback there, or the translation's outdated notice). None when anything
    else changed: a file added or removed, a file outside docs/<lang>/, not Markdown, or a generated page."""
    edits: PageEdits = {}
    missing = set(missing_translations(project))
    labels = labels_for(project)
    for path in changed:
        parts = path.relative_to(project.root).parts
        if (path not in known or not path.is_file() or len(parts) < 3 or parts[0] != "docs"
                or parts[1] not in project.codes or path.suffix != ".md" or is_generated(path)):
            return None
        lang, page = parts[1], "/".join(parts[2:])
        if lang != project.source_language:
            if lang in languages:
                edits.setdefault(lang, {})[page] = None
            continue
        for other in languages:
            fallback = (other, page) in missing
            edits.setdefault(other, {})[page] = fallback_page(project, labels, other, page) if fallback else None
    return edits


def forget_loaded_files() -> None:
    """Drop what this process read once from the configuration and labels, which an edit just changed."""
    project_at.cache_clear()
    labels_for.cache_clear()


def _work(connection) -> None:
    """A worker process: full builds and page renders of one language, on request, until told to stop."""
    warm, context = WarmLanguage(), None
    while (request := connection.recv()) is not None:
        kind, site_dir, argument = request
        try:
            if kind == "build":
                warm, context = WarmLanguage(), argument
                result = build_language(context, site_dir, warm=warm)
                if not result.ok:
                    warm = WarmLanguage()   # nothing of a failed build is rendered again
            else:
                try:
                    result = warm.render_again(context, site_dir, argument)
                except Exception:   # noqa: BLE001 - the full build that follows reports it as builds do
                    result = None
        except Exception as error:   # noqa: BLE001 - raised again in the preview's process
            result = error
        connection.send(result)


class WarmBuilders:
    """One worker process per language, started once and fed requests over a pipe."""

    def __init__(self, languages: list[str]):
        self.languages = languages
        self.workers: dict[str, tuple] = {}
        self.start()

    def start(self) -> None:
        spawn = get_context("spawn")
        for lang in self.languages:
            mine, theirs = spawn.Pipe()
            process = spawn.Process(target=_work, args=(theirs,), daemon=True, name=f"como-preview-{lang}")
            process.start()
            theirs.close()   # the process has its own end: when it dies, reading ours ends at once
            self.workers[lang] = (process, mine)

    def close(self) -> None:
        for process, connection in self.workers.values():
            try:
                connection.send(None)
            except OSError:
                pass   # the process is gone already (killed from outside)
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
            connection.close()
        self.workers.clear()

    def restart(self) -> None:
        self.close()
        self.start()

    def _ask(self, requests: dict[str, tuple]) -> list:
        try:
            for lang, request in requests.items():   # all languages at once, then their answers
                self.workers[lang][1].send(request)
            answers = [self.workers[lang][1].recv() for lang in requests]
        except (EOFError, OSError):
            self.restart()
            raise BuildError("A language's preview process was stopped from outside (killed or out of memory); "
                             "it was started again: save the page again to rebuild") from None
        for answer in answers:
            if isinstance(answer, Exception):
                raise answer
        return answers

    def build_languages(self, project: Project, languages: list[str], content: Content, drafts: frozenset[str],
                        assets: ThemeAssets, staging: Path) -> list[LanguageBuild]:
        """como_site.build's language builder: each language's full build in its warm process."""
        return self._ask({lang: ("build", str(staging / lang), BuildContext(project, lang, content, drafts, assets))
                          for lang in languages})

    def render_again(self, site_dir: Path, edits: PageEdits) -> list[str] | None:
        """Render the edited pages in their languages' processes; the files written, or None when a
        language needs a full build."""
        try:
            answers = self._ask({lang: ("render", str(site_dir / lang), pages) for lang, pages in edits.items()})
        except BuildError:
            return None   # started again: the full build follows
        if any(answer is None or not answer.ok for answer in answers):
            return None
        return [path for answer in answers for path in answer.written]


class WarmSite:
    """The previewed site in site_dir and the records of its pages, kept between edits."""

    def __init__(self, project: Project, site_dir: Path, builders: WarmBuilders):
        self.project, self.site_dir, self.builders = project, site_dir, builders
        self.pages: dict[Path, PageRecord] = {}

    def built(self) -> None:
        """A full build was swapped in: read its pages once."""
        self.pages = read_site(self.site_dir, self.present())

    def present(self) -> list[str]:
        return [code for code in self.project.codes if (self.site_dir / code).is_dir()]

    def render_again(self, changed: set[Path], edits: PageEdits) -> list[str] | None:
        """Render the edited pages (the `changed` files' `edits`) and finish the site again; None when a
        full build is needed instead, else the site's faults (empty when it passed)."""
        if not self.pages or any(check_page(self.project, path) for path in changed):
            return None   # a problem: the full build reports it with every other one
        written = self.builders.render_again(self.site_dir, edits)
        if written is None or not all(Path(path) in self.pages for path in written):
            return None
        rendered = [Path(path) for path in written]
        for path in rendered:
            self.pages[path] = read_page(path.read_bytes())
        return postprocess(self.project, self.site_dir, list(edits), self.present(), self.pages, rendered)
