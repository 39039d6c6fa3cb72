"""Como knowledge site: our own generator and checks, in plain Python.

Nothing in this package imports MkDocs except `como_site.builders.mkdocs`, the one adapter that drives a
build (with MkDocs or, see `como_site.builders.engine`, ProperDocs in its place); everything else reads files and writes files, so the site can move to another builder later.
"""
