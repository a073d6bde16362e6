"""The ``milkbone`` command line: build, run, simulate, validate, verify.

Exit codes: 0 success (data valid, notebook ran, verdicts agree); 1 the input is
invalid or the work failed (problems found, a notebook failed, verdicts differ);
2 usage (bad arguments, unknown notebook or parameter, a value of the wrong type);
3 an unexpected error, a bug of milkbone, reported in one line (never as "invalid").
Relative paths given on the command line are taken from the current directory; the
project (its data/, notebooks/, _build/) is the checkout the package was installed
from, or ``MILKBONE_ROOT``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from milkbone import build, paths

__all__ = ["EXIT_BUG", "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

DEFAULT_SEED = build.DEFAULT_SEED
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C


def command_build(args: argparse.Namespace) -> int:
    """Build under the build lock: a second build at once waits for the first."""
    with build.one_build_at_a_time(echo=print):
        return _build(args)


def _build(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    html = paths.BUILD / "html"
    try:
        build.prepare_cohort(seed=DEFAULT_SEED, echo=print)
        results = build.execute_notebooks(force=args.force, workers=args.workers, echo=print)
    except build.BuildError as error:
        shutil.rmtree(html, ignore_errors=True)  # a stale site must not look current
        print(f"milkbone build: {error}", file=sys.stderr)
        return 1
    build.write_report(results, paths.GENERATED / build.REPORT_NAME)
    if args.no_book:
        return 0
    try:
        edition = "student" if args.student else "reader"
        html = build.build_book(edition=edition, force=args.force, echo=print)
    except build.BuildError as error:
        print(f"milkbone build: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {status}" for status, n in build.summary(results).items())
    print(f"done in {time.perf_counter() - start:.1f} s ({counts})")
    print(f"open {html / 'index.html'}")
    return 0


def _needs_default_cohort(source: Path, parameters: dict) -> bool:
    """Whether the notebook will read the default simulated cohort and it is not there."""
    default = build.notebook_defaults(source).get("data_dir")
    if not isinstance(default, str):
        return False
    data_dir = Path(parameters.get("data_dir", paths.resolve(default))).resolve()
    return data_dir == paths.SIMULATED.resolve() and not (data_dir / "dataset.json").is_file()


def command_run(args: argparse.Namespace) -> int:
    """Check the parameters against the notebook's parameters cell, make the default
    cohort if it is missing, execute the notebook into ``--output``."""
    source = Path(args.notebook).resolve()
    if source.suffix == ".ipynb":
        source = source.with_suffix(".py")
    if not source.exists():
        print(f"milkbone run: no notebook {args.notebook}", file=sys.stderr)
        return EXIT_USAGE
    try:
        parameters = build.typed_parameters(source, args.parameter)
    except ValueError as error:
        print(f"milkbone run: {error}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(parameters.get("data_dir"), str):  # from here, not from the project
        parameters["data_dir"] = str(Path(parameters["data_dir"]).resolve())
    if _needs_default_cohort(source, parameters):
        try:  # a fresh clone: make the default cohort, as build does
            build.prepare_cohort(seed=DEFAULT_SEED, echo=print)
        except build.BuildError as error:
            print(f"milkbone run: {error}", file=sys.stderr)
            return EXIT_FAILED
    destination = (
        Path(args.output) if args.output else paths.BUILD / "runs" / f"{source.stem}.ipynb"
    )
    destination = destination.resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    result = build.execute_one(
        str(source), parameters, str(paths.ROOT), build.package_hash(), str(destination)
    )
    print("\n".join(build.progress_lines(result)))
    if result.status == "failed":
        return EXIT_FAILED
    print(f"wrote {destination}")
    return EXIT_OK


def command_simulate(args: argparse.Namespace) -> int:
    """Write the simulated cohort and print one line; errors as one line on stderr, exit 1."""
    from milkbone import cohort

    start = time.perf_counter()
    try:
        folder = cohort.simulate(seed=args.seed, out=Path(args.out).resolve())
    except (ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    groups = cohort.dataset_info(folder)["groups"].values()
    completers = sum(g["completers"] for g in groups)
    everyone = completers + sum(g["withdrawn"] for g in groups)
    print(
        f"simulated {everyone} participants ({completers} completers) "
        f"with seed {args.seed} into {folder} in {time.perf_counter() - start:.2f} s"
    )
    return 0


def command_validate(args: argparse.Namespace) -> int:
    """Print how unusual files were read (``note:`` lines), then each problem on its own
    line and exit 1, or one line saying what is there."""
    from milkbone import cohort

    data_dir = Path(args.data_dir).resolve()
    found = cohort.validate_folder(data_dir)
    for note in found.notes:
        print(f"note: {note}")
    if found.problems:
        print(cohort.format_problems(found.problems))
        print(f"{cohort.count_problems(len(found.problems))} found.")
        return EXIT_FAILED
    data = cohort.load(data_dir)
    counts = data.counts()
    sizes = ", ".join(f"{group} {n}" for group, n in counts["completers"].items())
    print(
        f"OK: {data_dir} ({'real' if data.real else 'simulated'}): "
        f"{counts['participants']} participants ({sum(counts['completers'].values())} "
        f"completers: {sizes}; {counts['withdrawn']} withdrawn), {counts['visits']} visits."
    )
    return 0


def command_verify(args: argparse.Namespace) -> int:
    """Check every claim, print the verdicts by section and the discrepancies, write the
    filled registry to ``--out``; with ``--strict`` exit 1 when a verdict differs from
    the committed registry's."""
    from milkbone import audit, published

    try:
        committed = published.claims()
        # --strict: rebuild the registry from the paper's numbers, so that a row deleted
        # from (or added to) the committed one is caught, not only a changed verdict
        fresh = audit.verify(published.build_claims() if args.strict else committed)
    except ValueError as error:
        print(f"milkbone verify: {_one_line(error)}", file=sys.stderr)
        return EXIT_FAILED
    print("Verdicts by section\n" + audit.verdicts_by_section(fresh).to_string() + "\n")
    bad = audit.discrepancies(fresh)
    print(f"Discrepancies ({len(bad)}):")
    for r in bad.to_dict("records"):
        print(
            f"  {r['claim_id']} | {r['location']} | {r['quantity']} | "
            f"printed {r['published_value']} vs recomputed {r['recomputed_value']}"
        )
    print(f"\nwrote {audit.write_registry(fresh, Path(args.out).resolve())}")
    try:
        differ = audit.changed_verdicts(fresh, committed) if args.strict else []
    except ValueError as error:
        print(f"milkbone verify: {_one_line(error)}", file=sys.stderr)
        return EXIT_FAILED
    if differ:
        print(
            f"{len(differ)} verdict(s) differ from the committed registry: " + ", ".join(differ),
            file=sys.stderr,
        )
        return 1
    return 0


def command_lock(args: argparse.Namespace) -> int:
    """Rewrite environment.yml from requirements.lock, or with --check exit 1 if they differ."""
    from milkbone.build import lock

    if args.check:
        if not lock.pins_agree():
            print("environment.yml and requirements.lock disagree: run `make lock`")
            return 1
        return 0
    print(f"wrote {lock.write_environment()}")
    return 0


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="milkbone",
        description="The reproducible edition of Zhao et al. (2025), Front. Nutr. 12:1607968.",
    )
    commands = main_parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("build", help="execute changed notebooks, then build the book")
    p.add_argument("--force", action="store_true", help="execute every notebook")
    p.add_argument("--workers", type=int, default=None, help="parallel kernels (default: cores)")
    p.add_argument("--no-book", action="store_true", help="execute notebooks only")
    p.add_argument(
        "--student",
        action="store_true",
        help="build the student edition (solutions removed) into _build/student/_build/html",
    )
    p.set_defaults(handler=command_build)

    p = commands.add_parser("run", help="execute one notebook with parameters")
    p.add_argument("notebook", help="e.g. notebooks/10_trial_design.py")
    p.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a parameter of the notebook (repeatable)",
    )
    p.add_argument("-o", "--output", help="executed notebook (default _build/runs/NAME.ipynb)")
    p.set_defaults(handler=command_run)

    p = commands.add_parser("simulate", help="write the calibrated simulated cohort")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--out", default=str(paths.SIMULATED))
    p.set_defaults(handler=command_simulate)

    p = commands.add_parser("validate", help="check a participant data folder against the schema")
    p.add_argument("data_dir")
    p.set_defaults(handler=command_validate)

    p = commands.add_parser("verify", help="check every claim of the paper from its own numbers")
    p.add_argument(
        "--strict", action="store_true", help="exit 1 if a verdict differs from the registry"
    )
    p.add_argument("--out", default=str(paths.BUILD / "audit" / "claims.csv"))
    p.set_defaults(handler=command_verify)

    p = commands.add_parser("lock", help="write environment.yml from requirements.lock")
    p.add_argument("--check", action="store_true", help="exit 1 if the two disagree")
    p.set_defaults(handler=command_lock)
    return main_parser


def _one_line(error: BaseException) -> str:
    """An error's message on one line (a list of failures joined by semicolons)."""
    lines = [line.strip().removeprefix("- ") for line in str(error).splitlines()]
    return "; ".join(line for line in lines if line).replace(":;", ":")


def _other_checkout() -> Path | None:
    """The milkbone checkout around the current directory, if it is not the project."""
    if "MILKBONE_ROOT" in os.environ:
        return None
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / "src" / "milkbone" / "__init__.py").is_file():
            return None if folder.resolve() == paths.ROOT.resolve() else folder
    return None


def main(argv: list[str] | None = None) -> int:
    """Run one command; return its exit code (see the module docstring)."""
    args = parser().parse_args(argv)
    other = _other_checkout()
    if other is not None and args.command in ("build", "run", "verify"):
        print(
            f"milkbone: note: working on the project at {paths.ROOT}, not on the checkout "
            f"at {other} (set MILKBONE_ROOT={other} to use it)",
            file=sys.stderr,
        )
    try:
        return args.handler(args)
    except KeyboardInterrupt as interrupt:  # Ctrl-C: one line, what was left behind
        print(f"milkbone {args.command}: {str(interrupt) or 'interrupted'}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug: one line, never reported as invalid input
        print(
            f"milkbone {args.command}: unexpected error: {type(error).__name__}: "
            f"{_one_line(error)} (this is a bug of milkbone; please report it with the "
            "command you ran)",
            file=sys.stderr,
        )
        return EXIT_BUG


if __name__ == "__main__":
    raise SystemExit(main())
