"""The build: execute the notebooks (with a content-hash cache), then the book.

- :mod:`~milkbone.build.prepare`: one build at a time (a lock), and the default
  simulated cohort, written atomically before any notebook;
- :mod:`~milkbone.build.parameters`: a notebook's parameters, checked before it runs;
- :mod:`~milkbone.build.execute`: papermill runs, in parallel, one line of progress each;
- :mod:`~milkbone.build.kernel`: the kernel a notebook runs in (environment, sockets);
- :mod:`~milkbone.build.cache`: the cache key of a notebook (source, package,
  parameters, data files read) and its entries;
- :mod:`~milkbone.build.report`: the execution report the book publishes;
- :mod:`~milkbone.build.book`: ``jupyter-book build`` with warnings as errors;
- :mod:`~milkbone.build.lock`: ``environment.yml`` kept in step with ``requirements.lock``;
- :mod:`~milkbone.build.sphinxext`: the book's Sphinx extension (local MathJax, table style).

No notebook imports this subpackage, so editing it does not invalidate the cache.
"""

from milkbone.build.book import BOOK_OPTIONS, book_command, build_book
from milkbone.build.cache import (
    CACHE_DIRNAME,
    NOT_NOTEBOOK_INPUTS,
    cache_key,
    fresh_entry,
    is_up_to_date,
    output_path,
    package_hash,
)
from milkbone.build.execute import (
    BuildError,
    BuildInterrupted,
    NotebookFailure,
    NotebookResult,
    execute_notebooks,
    execute_one,
    notebook_sources,
    progress_lines,
    quiet,
)
from milkbone.build.kernel import KERNEL, kernel_environment
from milkbone.build.parameters import (
    check_parameters,
    notebook_defaults,
    notebook_parameters,
    parse_value,
    typed_parameters,
)
from milkbone.build.prepare import (
    DEFAULT_SEED,
    LOCK_NAME,
    one_build_at_a_time,
    prepare_cohort,
    same_files,
)
from milkbone.build.report import REPORT_NAME, summarise_reads, summary, write_report

__all__ = [
    "BOOK_OPTIONS",
    "CACHE_DIRNAME",
    "DEFAULT_SEED",
    "KERNEL",
    "LOCK_NAME",
    "NOT_NOTEBOOK_INPUTS",
    "REPORT_NAME",
    "BuildError",
    "BuildInterrupted",
    "NotebookFailure",
    "NotebookResult",
    "book_command",
    "build_book",
    "cache_key",
    "check_parameters",
    "execute_notebooks",
    "execute_one",
    "fresh_entry",
    "is_up_to_date",
    "kernel_environment",
    "notebook_defaults",
    "notebook_parameters",
    "notebook_sources",
    "one_build_at_a_time",
    "output_path",
    "package_hash",
    "parse_value",
    "prepare_cohort",
    "progress_lines",
    "quiet",
    "same_files",
    "summarise_reads",
    "summary",
    "typed_parameters",
    "write_report",
]
