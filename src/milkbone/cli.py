"""The ``milkbone`` command line: build, run, simulate, validate, verify."""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import time
from pathlib import Path

from milkbone import build, paths

__all__ = ["main"]

DEFAULT_SEED = 2025


def _parse_value(text: str) -> object:
    """Read a parameter value as papermill's CLI does: int, float, bool, null or text."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return {"true": True, "false": False, "none": None, "null": None}.get(text.lower(), text)


def _notebook_parameters(source: Path) -> list[str]:
    """Names assigned in the cell tagged ``parameters`` of a jupytext notebook."""
    import jupytext

    notebook = jupytext.read(source)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "parameters" in cell.metadata.get("tags", []):
            return [
                node.target.id if isinstance(node, ast.AnnAssign) else node.targets[0].id
                for node in ast.parse(cell.source).body
                if isinstance(node, ast.Assign | ast.AnnAssign)
            ]
    return []


def _simulate_default_cohort(echo) -> None:
    """Write and validate the default simulated cohort the notebooks read."""
    from milkbone import cohort

    start = time.perf_counter()
    cohort.simulate(seed=DEFAULT_SEED, out=paths.SIMULATED)
    problems = cohort.validate(paths.SIMULATED)
    if problems:
        listed = "\n".join(f"  {problem}" for problem in problems[:10])
        raise build.BuildError(f"the simulated cohort does not pass validation:\n{listed}")
    seconds = time.perf_counter() - start
    echo(f"  cohort  data/simulated, seed {DEFAULT_SEED}, valid  {seconds:6.1f} s")


def command_build(args: argparse.Namespace) -> int:
    start = time.perf_counter()
    html = paths.BUILD / "html"
    try:
        _simulate_default_cohort(print)
        results = build.execute_notebooks(force=args.force, workers=args.workers)
    except build.BuildError as error:
        shutil.rmtree(html, ignore_errors=True)  # a stale site must not look current
        print(f"milkbone build: {error}", file=sys.stderr)
        return 1
    build.write_report(results, paths.GENERATED / build.REPORT_NAME)
    if args.no_book:
        return 0
    try:
        build.build_book()
    except build.BuildError as error:
        print(f"milkbone build: {error}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {status}" for status, n in build.summary(results).items())
    print(f"done in {time.perf_counter() - start:.1f} s ({counts})")
    print(f"open {html / 'index.html'}")
    return 0


def command_run(args: argparse.Namespace) -> int:
    source = Path(args.notebook).resolve()
    if source.suffix == ".ipynb":
        source = source.with_suffix(".py")
    if not source.exists():
        print(f"milkbone run: no notebook {args.notebook}", file=sys.stderr)
        return 2
    parameters = {name: _parse_value(value) for name, value in args.parameter}
    known = _notebook_parameters(source)
    unknown = sorted(set(parameters) - set(known))
    if unknown:
        print(
            f"milkbone run: {source.name} has no parameter {', '.join(unknown)}; "
            f"its parameters are: {', '.join(known) or 'none'}",
            file=sys.stderr,
        )
        return 2
    destination = (
        Path(args.output) if args.output else paths.BUILD / "runs" / f"{source.stem}.ipynb"
    )
    destination = destination.resolve()
    destination.parent.mkdir(parents=True, exist_ok=True)
    result = build._execute_one(
        str(source), parameters, str(paths.ROOT), build.package_hash(), str(destination)
    )
    build._print_line(result, print)
    if result.status == "failed":
        return 1
    print(f"wrote {destination}")
    return 0


def command_simulate(args: argparse.Namespace) -> int:
    from milkbone import cohort

    return cohort.main_simulate(seed=args.seed, out=Path(args.out))


def command_validate(args: argparse.Namespace) -> int:
    from milkbone import cohort

    return cohort.main_validate(Path(args.data_dir))


def command_verify(args: argparse.Namespace) -> int:
    from milkbone import audit

    return audit.main_verify(strict=args.strict, out=Path(args.out))


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
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    raise SystemExit(main())
