"""Command line: `python -m como_site build|...`; the Makefile's targets call these."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from como_site.build import BuildError, build_site
from como_site.problems import ContentError
from como_site.project import ROOT, load_project


def _root() -> Path:
    """The project in the current folder (a copy, a test project), else this repository."""
    return Path.cwd() if (Path.cwd() / "mkdocs.yml").is_file() else ROOT


def _pull_request(value: str) -> int:
    """A pull request's number, as --preview takes it (1, 2, ...)."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is no pull request number: give its number, e.g. 7")
    return int(value)


def _build(args: argparse.Namespace) -> int:

    languages = args.lang.split(",") if args.lang else None
    report = build_site(root=_root(), site_dir=Path(args.site_dir) if args.site_dir else None, site_url=args.site_url,
                        languages=languages, jobs=args.jobs, preview=args.preview)
    print(f"Built {report.pages} pages in {', '.join(report.languages)} into {report.site_dir} "
          f"in {report.seconds:.1f} s")
    if report.rendered:
        print(f"Files drawn at build time: {report.rendered_summary()}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from como_site.serve import serve

    serve(root=_root(), languages=args.lang.split(",") if args.lang else None, port=args.port)
    return 0


def _new_case(args: argparse.Namespace) -> int:
    from como_site.casestudies.scaffold import new_case

    try:
        path = new_case(load_project(_root()), args.id)
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"case_studies/{args.id}.yml: could not be written ({error.strerror})", file=sys.stderr)
        return 2
    print(f"Wrote {path}: fill in the texts and sources, then set status: published")
    return 0


def _i18n_status(args: argparse.Namespace) -> int:
    from como_site.casestudies.validate import load_case_studies
    from como_site.translations import all_drift, all_statuses, report

    project = load_project(_root())
    cases, problems = load_case_studies(project)
    if problems:
        raise ContentError(problems)
    statuses = all_statuses(project, cases.records)
    print(report(statuses, show_all=args.all))
    if not args.all:
        print("(translations that need work; `make i18n-status ALL=1` lists the current ones too)")
    drift = all_drift(project, statuses)
    if drift:
        print(f"{len(drift)} translation(s) marked current differ from their original:", file=sys.stderr)
        raise ContentError(drift)
    return 0


def _i18n_stamp(args: argparse.Namespace) -> int:
    """Record that translations match the current source: every named file is checked before any is written."""
    from como_site import atomicfile
    from como_site.stamping import StampRefused, commit_note, plan

    project = load_project(_root())
    try:
        stamps = plan(project, args.paths, Path.cwd())
    except (StampRefused, ContentError) as error:
        print(f"{error}\nNothing was stamped.", file=sys.stderr)
        return 2
    notes = {stamp.shown: commit_note(project, stamp) for stamp, _ in stamps}   # before writing changes them
    for stamp, text in stamps:
        try:
            atomicfile.write_text(stamp.path, text)
        except OSError as error:
            print(f"{stamp.shown}: could not be written ({error.strerror}); it is as it was", file=sys.stderr)
            return 2
        print(f"stamped {stamp.shown}")
        if notes[stamp.shown]:
            print(f"note: {notes[stamp.shown]}")
    return 0


def _i18n_diff(args: argparse.Namespace) -> int:
    """Print what changed in each named translation's original since it was stamped."""
    from como_site.i18ndiff import i18n_diff
    from como_site.stamping import StampRefused

    try:
        diffs = i18n_diff(load_project(_root()), args.paths, Path.cwd())
    except StampRefused as error:
        print(error, file=sys.stderr)
        return 2
    for diff in diffs:
        print(diff.message)
        if diff.text:
            print(diff.text, end="" if diff.text.endswith("\n") else "\n")
    return 0


def _publish_gate(args: argparse.Namespace) -> int:
    """Refuse an upload that does not match what was built (a preview over the site, or the site as a
    preview), and a production upload while a company placeholder is still empty; previews may go out."""
    from como_site.company import open_placeholders
    from como_site.previews import built_address, preview_number

    site_dir = Path(args.site_dir)
    address = built_address(site_dir)
    built = preview_number(address) if address else None   # the one rule the build's preview mode follows
    if built != args.preview:
        shown = site_dir.as_posix().rstrip("/") + "/"
        print(f"{shown} is the preview of pull request {built}: upload it with PREVIEW_PR={built} into the previews "
              "folder, never over the site." if args.preview is None else
              f"{shown} was built for {address}, not as the preview of pull request {args.preview}: build it "
              f"with `make site PREVIEW_PR={args.preview}` first.", file=sys.stderr)
        print("Nothing was uploaded.", file=sys.stderr)
        return 1
    problems = open_placeholders(load_project(_root()))
    if problems and built is None:
        print("\n".join(str(problem) for problem in problems), file=sys.stderr)
        print(f"Not published: {len(problems)} company placeholder(s) above are still empty. Fill in "
              "extra.company in mkdocs.yml (a pull request's preview may go out with them: PREVIEW_PR=N). "
              "Nothing was uploaded.", file=sys.stderr)
        return 1
    print(f"Publish gate: {len(problems)} open placeholder(s), allowed in the preview of pull request {built}"
          if problems else "Publish gate: every company placeholder is filled in")
    return 0


def _preview_url(args: argparse.Namespace) -> int:
    """Print where the preview of a pull request lives (for the link the preview workflow comments)."""
    from como_site.previews import preview_url

    print(preview_url(load_project(_root()).site_url, args.number))
    return 0


def _nginx_conf(args: argparse.Namespace) -> int:
    from como_site.hosting import HostingRules, nginx_previews_block, nginx_server_block
    from como_site.inlinescripts import TemplateScripts, ThemeChanged

    project = load_project(_root())
    site_dir = Path(args.site_dir) if args.site_dir else project.root / "site"
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} holds no built site: run `make site` first", file=sys.stderr)
        return 2
    present = [code for code in project.codes if (site_dir / code).is_dir()]
    try:
        hashes = TemplateScripts(project, site_dir, present).hashes
    except ThemeChanged as error:
        print(error, file=sys.stderr)
        return 1
    rules = HostingRules.for_site(project, hashes, project.https_redirect)
    print(nginx_previews_block(rules) if args.previews else nginx_server_block(rules), end="")
    return 0


def _check(args: argparse.Namespace) -> int:
    """The content checks without a build; in GitHub Actions also the pull request's job summary."""
    from como_site.build import check_and_load
    from como_site.prfeedback import write_summary

    project = load_project(_root())
    try:
        check_and_load(project)
    except ContentError as error:
        write_summary(project, error.problems)
        raise
    write_summary(project, [])
    print("No problems found.")
    return 0


def _cms(args: argparse.Namespace) -> int:
    """The web editor into site-admin/ (or --out), its configuration generated from the content model."""
    from como_site.editor import EditorNotInstalled, write_editor

    project = load_project(_root())
    try:
        out = write_editor(project, Path(args.out) if args.out else project.root / "site-admin", args.local_backend)
    except EditorNotInstalled as error:
        print(error, file=sys.stderr)
        return 2
    print(f"Wrote the web editor into {out}" + (f" (local backend {args.local_backend})" if args.local_backend else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m como_site", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="check, generate and build the site into site/")
    build.add_argument("--site-dir", help="output folder (default: site/)")
    build.add_argument("--site-url", help="public URL of the site (default: mkdocs.yml or $SITE_URL)")
    build.add_argument("--lang", help="comma-separated languages to build (default: all)")
    build.add_argument("--jobs", type=int, help="parallel language builds (default: CPU count)")
    build.add_argument("--preview", type=_pull_request, metavar="N",
                       help="build the preview of pull request N, at <host>/previews/pr-N/ (noindex, banner)")
    build.set_defaults(run=_build)
    preview = commands.add_parser("serve", help="live preview on http://127.0.0.1:8000/")
    preview.add_argument("--lang", help="comma-separated languages to preview (default: all)")
    preview.add_argument("--port", type=int, default=8000)
    preview.set_defaults(run=_serve)
    scaffold = commands.add_parser("new-case", help="write a draft case-study file to fill in")
    scaffold.add_argument("id", help="the case's id: lowercase letters, digits, hyphens")
    scaffold.set_defaults(run=_new_case)
    status = commands.add_parser("i18n-status", help="missing, outdated and current translations; drift of current ones")
    status.add_argument("--all", action="store_true", help="list current translations too (default: what needs work)")
    status.set_defaults(run=_i18n_status)
    stamp = commands.add_parser("i18n-stamp", help="mark translations as matching their current source")
    stamp.add_argument("paths", nargs="+", help="translated pages (docs/de/...) or case files")
    stamp.set_defaults(run=_i18n_stamp)
    changes = commands.add_parser("i18n-diff", help="what changed in the originals since translations were stamped")
    changes.add_argument("paths", nargs="+", help="translated pages (docs/de/...) or case files")
    changes.set_defaults(run=_i18n_diff)
    gate = commands.add_parser("publish-gate", help="refuse a production deploy while company details are empty")
    gate.add_argument("site_dir", help="the built site about to be uploaded")
    gate.add_argument("--preview", type=_pull_request, metavar="N",
                      help="the upload is the preview of pull request N (open placeholders are allowed)")
    gate.set_defaults(run=_publish_gate)
    address = commands.add_parser("preview-url", help="print the address of a pull request's preview")
    address.add_argument("number", type=_pull_request, help="the pull request's number")
    address.set_defaults(run=_preview_url)
    nginx = commands.add_parser("nginx-conf", help="print the nginx server block for the built site")
    nginx.add_argument("--site-dir", help="the built site (default: site/)")
    nginx.add_argument("--previews", action="store_true",
                       help="the locations for pull-request previews instead (hosting/nginx-previews.conf)")
    nginx.set_defaults(run=_nginx_conf)
    cms = commands.add_parser("cms", help="write the web editor (Decap CMS) into site-admin/")
    cms.add_argument("--out", help="output folder (default: site-admin/)")
    cms.add_argument("--local-backend", help="decap-server's API on 127.0.0.1, e.g. http://127.0.0.1:8081/api/v1")
    cms.set_defaults(run=_cms)
    check = commands.add_parser("check", help="check pages and case studies without building")
    check.set_defaults(run=_check)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (ContentError, BuildError) as error:
        from como_site.prfeedback import print_annotations, problems_in

        print(error, file=sys.stderr)
        print_annotations(error.problems if isinstance(error, ContentError) else problems_in(str(error)))
        return 1


if __name__ == "__main__":
    sys.exit(main())
