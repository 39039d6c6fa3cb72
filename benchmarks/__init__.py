"""The build benchmark: our pipeline against a stock MkDocs set-up on synthetic corpora (see BENCHMARKS.md).

Run `make bench` or `python -m benchmarks` from the repository root. Outside comparisons build the same
corpora with `from benchmarks.corpus import make_project, make_stock_project` (repository root on the path).
"""
