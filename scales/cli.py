"""The `scales` command: the same operations as the dashboard, for scripting."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import os
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from scales import DATA_DIR
from scales.analysis import capacity, consensus, coverage, scenarios
from scales.analysis.sectors import placed_sector_demand
from scales.data.atlas import Atlas, load_atlas
from scales.data.atoms import ATOM_COLUMNS
from scales.data.custom import parse_custom_layer
from scales.data.sources import fetch_all, registry
from scales.data.store import BIN_DAYS, Store, layer_csv_table, layer_json
from scales.data.tables import table_problems, upstream_ids
from scales.data.validate import date_problems, validate_all
from scales.engine.compare import MATRIX_METRICS, Comparator, counterparts, partner_counts
from scales.engine.metrics import WEIGHTS
from scales.output.geodata import geodata_bytes, geodata_metadata, unit_polygons
from scales.output.region import find_region, region_report
from scales.output.report import report_html, report_pdf, report_workbook
from scales.output.reports import write_csv
from scales.problems import DataError, Problem, ScalesError, UsageError
from scales.texts import for_terminal

C1_CONTROL = re.compile(r"[\x7f-\x9f]")
"""Control characters JSON leaves as they are (a terminal may act on them)."""


def _json(value: dict | list, args: argparse.Namespace | None = None) -> None:
    """JSON to stdout: NaN (missing) becomes null, never an invalid token; an object, or each record of a
    list, carries the population year its inhabitants are from (`inhabitants_year`)."""
    year = getattr(args, "inhabitants_year", None)
    if year is not None:
        if isinstance(value, dict):
            value = {**value, "inhabitants_year": year}
        else:
            value = [{**row, "inhabitants_year": row.get("inhabitants_year", year)} for row in value]
    text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)
    print(C1_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text))  # JSON escapes C0 itself; C1 too here


def _records(frame: pd.DataFrame) -> list[dict]:
    return json.loads(_plain_numbers(frame).to_json(orient="records"))


def _plain_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Float columns that hold only whole numbers (inhabitants, counts) as integers: 1544409, never 1.54441e+06."""
    table = frame.copy()
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_float_dtype(values) and values.dropna().apply(float.is_integer).all():
            table[column] = values.round().astype("Int64")
    return table


def _table(frame: pd.DataFrame, args: argparse.Namespace) -> int:
    """A command's table on stdout as `--format` asks: CSV (formula-safe, fixed decimals, whole numbers as
    integers) or JSON records (missing values as null)."""
    if args.format == "json":
        _json(_records(frame), args)
    else:
        year = getattr(args, "inhabitants_year", None)
        if year is not None and "inhabitants_year" not in frame:
            frame = frame.assign(inhabitants_year=year)
        text = frame.map(lambda v: for_terminal(v) if isinstance(v, str) else v)  # no escape reaches a terminal
        write_csv(_plain_numbers(text), sys.stdout, float_format="%.6f")
    return 0


def _atlas(args: argparse.Namespace, rebuild: bool = False) -> Atlas:
    def progress(fraction: float, text: str) -> None:
        if not args.quiet:
            print(f"\r[{fraction:4.0%}] {text:<40}", end="", file=sys.stderr, flush=True)

    atlas = load_atlas(args.mirror, progress, rebuild=rebuild)
    args.inhabitants_year = atlas.population_year  # stamped on every table and JSON body the command prints
    if not args.quiet:
        print("\r" + " " * 50 + "\r", end="", file=sys.stderr)
    if atlas.cache_note:
        print(f"note: {atlas.cache_note}", file=sys.stderr)
    if "date" in args:
        for problem in date_problems(atlas.layers, args.date):
            print(f"warning: {problem}", file=sys.stderr)
    return atlas


def cmd_fetch(args: argparse.Namespace) -> int:
    paths = fetch_all(args.mirror, progressbar=not args.quiet)
    for key, source in registry().items():
        print(f"ok  {key:<24} {paths[key]}  ({source.licence.split(' (')[0]}; {source.attribution})")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    tables = table_problems(DATA_DIR, upstream_ids(args.mirror))
    for problem in tables:
        print(f"FAIL {problem}")
    print(f"{len(tables)} problem(s) in the fact tables of {DATA_DIR}")
    try:
        atlas = _atlas(args, rebuild=args.rebuild)
    except DataError as error:  # a broken fact table can stop the build itself
        print(f"FAIL the layers could not be built: {error}")
        return 1
    report = validate_all(atlas.layers, atlas.atoms, args.date)
    failed = 0
    for layer_id, problems in report.items():
        layer = atlas.layer(layer_id, args.date)
        status = "FAIL" if problems else "ok"
        print(
            f"{status:<4} {layer_id:<24} {len(layer.units):>4} units  "
            f"{layer.atoms_covered():>3}/{len(atlas.atoms)} atoms  confidence {layer.meta.confidence}"
        )
        for problem in problems:
            print(f"       - {problem}")
        failed += bool(problems)
    print(f"{len(report) - failed} of {len(report)} layers valid")
    return 1 if failed or tables else 0


def cmd_layers(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    rows = []
    for layer_id in atlas.layers:
        layer = atlas.layer(layer_id, args.date)
        rows.append(
            {
                "id": layer_id,
                "name": layer.meta.name(args.lang),
                "units": len(layer.units),
                "atoms_covered": layer.atoms_covered(),
                "source": layer.meta.source,
                "licence": layer.meta.licence,
                "reference_date": layer.meta.reference_date,
                "confidence": layer.meta.confidence,
                "doubts": list(layer.meta.doubts),
            }
        )
    if args.format == "json":
        _json(rows, args)
        return 0
    return _table(pd.DataFrame(rows).assign(doubts=lambda t: t["doubts"].map(" | ".join)), args)


def cmd_membership(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    layer = atlas.resolve(args.layer, args.date)
    table = layer.membership.merge(layer.units[["unit_id", "name"]], on="unit_id").rename(columns={"name": "unit_name"})
    table = table.rename(columns={"share": "share_area"}).sort_values(["nis", "unit_id"])
    table = table[list(MEMBERSHIP_COLUMNS)].assign(share=table["share_area"])  # `share`: the old name, deprecated
    print(f"warning: {DEPRECATED_SHARE}", file=sys.stderr)
    return _table(table, args)


MEMBERSHIP_COLUMNS = ("nis", "unit_id", "unit_name", "share_area", "share_inhabitants", "share_basis")
DEPRECATED_SHARE = "column `share` is the old name of `share_area`, kept until scales 0.3 (CHANGELOG.md)"


def cmd_atoms(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    year = atlas.population_year
    print(f"inhabitants: 1 January {year}, {atlas.population_source}", file=sys.stderr)
    if atlas.population_note:
        print(f"note: {atlas.population_note}", file=sys.stderr)
    return _table(atlas.atoms[ATOM_COLUMNS].assign(area_km2=atlas.atoms["area_km2"].round(4)), args)


def cmd_compare(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    comparator = Comparator(atlas.atoms, atlas.borders)
    result = comparator.compare(
        atlas.resolve(args.a, args.date), atlas.resolve(args.b, args.date), args.weight, args.beta
    )
    if args.units:
        return _table(result.units(), args)
    if args.moves:
        return _table(result.moves(comparator.atom_names, b_into_a=args.reverse), args)
    if args.straddles:
        return _table(result.straddles(comparator.atom_names), args)
    if args.format == "json":
        _json(result.summary(), args)
        return 0
    figures = [(k, int(v) if isinstance(v, float) and v.is_integer() else v) for k, v in result.summary().items()]
    return _table(pd.DataFrame(figures, columns=["key", "value"]), args)


def cmd_matrix(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    ids = args.layers.split(",") if args.layers else list(atlas.layers)
    layers = {name: atlas.resolve(name, args.date) for name in ids}
    table = Comparator(atlas.atoms, atlas.borders).matrix(layers, args.metric, args.weight)
    return _table(table.rename_axis("layer").reset_index(), args)


def cmd_partners(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    ids = args.layers.split(",") if args.layers else list(atlas.layers)
    layers = {name: atlas.resolve(name, args.date) for name in ids}
    if args.units:
        others = {k: v for k, v in layers.items() if k != args.units}
        table = counterparts(atlas.resolve(args.units, args.date), others)
    else:
        names = atlas.atoms[["nis", "name_nl"]]
        table = names.merge(partner_counts(layers), on="nis", how="left")
    return _table(table, args)


def cmd_coverage(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    places = coverage.locations(atlas, tuple(k for k in args.locations.split(",") if k), args.date)
    if args.location_set:  # a saved set of own locations, checked row by row like an upload
        rows = Store().locations(args.location_set)
        mine, problems = coverage.read_locations(coverage.location_rows_csv(rows), args.location_set, atlas, args.date)
        for problem in problems:
            print(f"warning: {for_terminal(str(problem))}", file=sys.stderr)
        places = pd.concat([places, mine], ignore_index=True)
    demand = (placed_sector_demand(atlas, args.mirror) if args.resolution == "sector" else None) or (
        coverage.municipal_demand(atlas)
    )
    print(f"demand: {demand.basis}", file=sys.stderr)
    print("locations: Veilig Huis main locations at their municipality's interior point (city published, point "
          "inferred); others as their basis says (`scales layers`, Bronnen)", file=sys.stderr)  # fmt: skip
    result = coverage.coverage(atlas, places, args.threshold_km, demand, args.date)
    if args.suggest:
        within = _within(atlas, args.within, args.date)
        found = coverage.suggest(
            atlas, places, args.threshold_km, args.suggest, demand, exact=not args.greedy_only, within=within
        )
        picks = {
            method: _records(found[method].assign(name=found[method]["candidate"].map(atlas.names)))
            for method in ("greedy", "exact")
            if found[method] is not None
        }
        if args.format == "csv":  # one row per suggested site, the method named
            return _table(pd.DataFrame([{"method": m, **row} for m, rows in picks.items() for row in rows]), args)
        firm = found["firm"]
        named = atlas.names
        firm = firm.assign(name=firm["candidate"].map(named), alternative_name=firm["alternative"].map(named))
        _json(
            {"threshold_km": args.threshold_km, **picks, "optimality_gap": found["gap"], "recommended":
             found["recommended"], "gain_gap": found["gain_gap"], "firm": _records(firm), **coverage.totals(result)},
            args,
        )  # fmt: skip
        return 0
    return _table(coverage.by_unit(result, atlas.resolve(args.by, args.date), atlas.names), args)


def _within(atlas: Atlas, choice: str | None, date) -> frozenset[str] | None:
    """`--within LAYER=UNIT` (a province, judicial arrondissement or Veilig Huis) as the NIS codes it holds."""
    if not choice:
        return None
    layer_id, _, unit_id = choice.partition("=")
    if layer_id not in coverage.REGION_LAYERS or unit_id not in set(atlas.layer(layer_id, date).units["unit_id"]):
        known = ", ".join(coverage.REGION_LAYERS)
        raise UsageError(Problem("within_unknown", {"choice": choice, "layers": known}))
    return coverage.region_municipalities(atlas, layer_id, unit_id, date)


def cmd_capacity(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    table = capacity.capacity(atlas, args.date)
    print(f"staff: {', '.join(str(y) for y in sorted(set(table['staff_year'].dropna())))} (SBV 2025 annex); "
          f"inhabitants: 1 January {atlas.population_year} ({atlas.population_source})", file=sys.stderr)  # fmt: skip
    if args.format == "json":
        rows = _records(table)
        for row in rows:
            row["missing_roles"] = [r for r in row["missing_roles"].split(", ") if r]
            row["roles_present"] = [r for r in row["roles_present"].split(", ") if r]
        _json(rows, args)
        return 0
    return _table(table, args)


def cmd_report(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    report = region_report(atlas, find_region(atlas, args.region, args.date), args.date, args.weight)
    if args.format == "xlsx":
        data = report_workbook(atlas, report, args.lang)
    elif args.format == "pdf":
        data = report_pdf(atlas, report, args.lang)
    else:
        data = report_html(atlas, report, args.lang).encode("utf-8")
    write_output(args.output, data)
    print(f"{for_terminal(args.output)}: {report.region.name}, {len(data):,} bytes", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    layer = atlas.resolve(args.layer, args.date)
    anchor = atlas.resolve(args.anchor, args.date) if args.anchor else None
    about = geodata_metadata(atlas, layer, args.date or dt.date.today().isoformat(), anchor, args.lang or "nl")
    data = geodata_bytes(unit_polygons(atlas, layer, anchor, args.lang), args.format, metadata=about)
    write_output(args.output, data)
    print(f"{for_terminal(args.output)}: {len(layer.units)} units of {layer.id}, {len(data):,} bytes", file=sys.stderr)
    return 0


def cmd_align(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    comparator = Comparator(atlas.atoms, atlas.borders)
    layer, anchor = atlas.resolve(args.layer, args.date), atlas.resolve(args.to, args.date)
    proposal = scenarios.align(comparator, layer, anchor, args.weight)
    if args.save:
        saved = Store().save_layer(proposal.layer, args.save, replace=args.replace, note=proposal.layer.meta.source)
        print(f"saved as {saved}", file=sys.stderr)
    if args.format == "json":
        _json(proposal.as_json(), args)
        return 0
    print(f"{layer.id} nested in {anchor.id} ({args.weight}, {args.date or 'today'}): cost {proposal.cost:,.6g} "
          f"{args.weight}; {proposal.cost_inhabitants:,.0f} inhabitants, {proposal.cost_municipalities} "
          "municipalities change unit", file=sys.stderr)  # fmt: skip
    return _table(proposal.moves, args)


def _k_range(text: str) -> list[int]:
    """An argparse type: `5..25` (or `5-25`) as the list of region counts 5, 6, …, 25."""
    first, _, last = text.replace("-", "..").partition("..")
    try:
        low, high = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a range of region counts written FROM..TO") from None
    if not 1 <= low <= high <= consensus.MAX_K:
        raise argparse.ArgumentTypeError(f"{text!r}: give 1 <= FROM <= TO <= {consensus.MAX_K}")
    return list(range(low, high + 1))


def cmd_consensus(args: argparse.Namespace) -> int:
    atlas = _atlas(args)
    chosen = [atlas.resolve(ref, args.date) for ref in args.layers.split(",") if ref]
    within = _within(atlas, args.within, args.date)
    problem = consensus.setup(atlas, chosen, args.weight, args.territory, within)

    def say(fraction: float, step: str) -> None:
        if not args.quiet:
            print(f"[{fraction:4.0%}] {step}", file=sys.stderr)

    where = "Flanders" if problem.territory == "flanders" else "Flanders and Brussels"
    print(f"territory: {where}{' (within ' + args.within + ')' if args.within else ''}, {problem.size} "
          f"municipalities; weight: {args.weight}", file=sys.stderr)  # fmt: skip
    for nis, tied in problem.links:
        print(f"contiguity: {atlas.names[nis]} borders no municipality of the territory; tied to the nearest, "
              f"{atlas.names[tied]}", file=sys.stderr)  # fmt: skip
    anchors = [atlas.layer(a, args.date) for a in consensus.ANCHORS]
    if args.curve:
        curve = consensus.price_curve(problem, args.curve, args.min_inhabitants, args.runs or 4, args.seed, say)
        points = consensus.anchor_points(problem, anchors)
        if args.format == "json":
            _json({"territory": problem.territory, "layers": [layer.id for layer in chosen], "weight": args.weight,
                   "min_inhabitants": args.min_inhabitants, "curve": _records(curve),
                   "anchors": _records(points)}, args)  # fmt: skip
            return 0
        return _table(pd.concat([curve.assign(kind="best"), points.assign(kind="anchor")], ignore_index=True), args)
    runs = args.runs or consensus.DEFAULT_RUNS
    if args.exact:
        heuristic = consensus.best_grid(problem, args.regions, args.min_inhabitants, runs, args.seed, say)
        grid = consensus.exact(problem, args.regions, args.min_inhabitants, upper_bound=heuristic.objective)
        if grid.objective > heuristic.objective:  # CBC stopped at its time limit with a worse grid: keep the better
            grid = heuristic
        proven = grid.lower_bound is not None
        print(f"exact: {'optimum proven' if proven else 'not proven within the time limit'}; local search "
              f"{heuristic.objective:,.0f}, gap {heuristic.objective - grid.objective:,.0f}" + ("" if proven else
              " (to the best integer solution found)"), file=sys.stderr)  # fmt: skip
        grid.spread = heuristic.spread | {"heuristic": heuristic.objective,
                                          "heuristic_gap": heuristic.objective - grid.objective}  # fmt: skip
    else:
        grid = consensus.best_grid(problem, args.regions, args.min_inhabitants, runs, args.seed, say)
    print(f"objective {grid.objective:,.0f} {args.weight} ({grid.method}; {grid.seconds:.1f} s)", file=sys.stderr)
    if args.save:
        saved = Store().save_layer(grid.as_layer(args.save), args.save, replace=args.replace,
                                   note=grid.note())  # fmt: skip
        print(f"saved as {saved}", file=sys.stderr)
    if args.format != "json":
        table = pd.DataFrame({"nis": list(grid.regions()), "region": list(grid.regions().values())})
        table["name"] = table["nis"].map(atlas.names)
        table["region_name"] = table["region"].map(grid.region_names())
        return _table(table[["nis", "name", "region", "region_name"]], args)
    result = grid.as_json()
    followed = consensus.follow(problem, grid, Comparator(atlas.atoms, atlas.borders))
    tables = consensus.tables_per_municipality(problem, chosen, list(followed.values()))
    result["small_municipalities"] = _records(tables.head(50))
    result["changes"] = _records(consensus.changes(problem, followed))
    if args.anchors:
        result["anchors"] = _records(consensus.compare_anchors(problem, anchors, args.min_inhabitants, runs,
                                                               args.seed, say))  # fmt: skip
    _json(result, args)
    return 0


def cmd_scenario(args: argparse.Namespace) -> int:
    store = Store()
    if args.action == "list":
        table = store.layers()
        print(f"{len(table)} saved in {store.path}", file=sys.stderr)
        return _table(table, args)
    if args.action == "bin":
        print(f"restorable for {BIN_DAYS} days after deletion: scales scenario restore BIN_ID", file=sys.stderr)
        return _table(store.bin(), args)
    if args.action == "import":
        return _import(store, args)
    if not args.name:
        raise UsageError(Problem("store_name_empty"))
    if args.action == "restore":
        restored = store.restore(args.name, replace=args.replace)
        print(for_terminal(f"restored {restored}"), file=sys.stderr)
        return 0
    if args.action == "delete":
        return _delete(args, store.delete_layer, lambda: store.layer(args.name))
    layer = store.layer(args.name)
    if args.action == "show":
        meta = layer.meta
        head = f"{meta.id}  ({meta.kind}, from {meta.parent or '-'}, saved {meta.reference_date})"
        print(for_terminal(head), file=sys.stderr)
        print(for_terminal(f"{len(layer.units)} units, {layer.atoms_covered()} municipalities; source: {meta.source}"),
              file=sys.stderr)  # fmt: skip
    if not args.output:  # to the terminal: as every table, escapes neutralised
        if args.format == "json":
            print(C1_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", layer_json(layer)))
            return 0
        return _table(layer_csv_table(layer), args)
    if args.format == "json":
        data = layer_json(layer).encode()
    else:
        buffer = io.StringIO()
        write_csv(layer_csv_table(layer), buffer)
        data = buffer.getvalue().encode("utf-8")
    write_output(args.output, data)
    return 0


def _delete(args: argparse.Namespace, delete, known) -> int:
    """Move a saved item to the bin after a confirmation (or `--yes` without a terminal)."""
    name = for_terminal(args.name)
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"scales: deleting {name} needs --yes to confirm (it stays restorable for {BIN_DAYS} days)",
                  file=sys.stderr)  # fmt: skip
            return 2
        if input(f"Delete {name}? [y/N] ").strip().lower() not in ("y", "yes", "j", "ja"):
            print("nothing deleted", file=sys.stderr)
            return 1
    if not delete(args.name):
        known()  # raises: names what is saved
    print(f"moved {name} to the bin: `scales scenario bin` lists it, `scales scenario restore` brings it back "
          f"within {BIN_DAYS} days", file=sys.stderr)  # fmt: skip
    return 0


def cmd_locations(args: argparse.Namespace) -> int:
    """Saved location sets (from the Bereik page): list, show, delete (to the bin)."""
    store = Store()
    if args.action == "list":
        return _table(store.location_sets(), args)
    if not args.name:
        raise UsageError(Problem("store_name_empty"))
    if args.action == "show":
        return _table(store.locations(args.name), args)
    return _delete(args, store.delete_locations, lambda: store.locations(args.name))


def _import(store: Store, args: argparse.Namespace) -> int:
    """A CSV `nis,unit_id[,unit_name]` or an exported JSON into the store; every bad row is named, nothing saved."""
    atlas = _atlas(args)
    if not args.name:
        raise UsageError(Problem("file_missing", {"label": "FILE"}))
    parsed = parse_custom_layer(Path(args.name), set(atlas.atoms["nis"]))
    for note in parsed.notes:
        print(f"note: {for_terminal(str(note))}", file=sys.stderr)
    for problem in parsed.problems:
        print(f"refused: {for_terminal(str(problem))}", file=sys.stderr)
    if parsed.problems or parsed.layer is None:
        print(f"scales: {args.name} not imported: fix the {len(parsed.problems)} problem(s) above", file=sys.stderr)
        return 1
    saved = store.save_layer(parsed.layer, args.save_as or Path(args.name).stem, replace=args.replace)
    print(f"imported as {saved}: {len(parsed.layer.units)} units, {parsed.layer.atoms_covered()} municipalities")
    return 0


def cmd_dashboard(args: argparse.Namespace) -> int:
    """Start the dashboard of this installation (works from a wheel as from a checkout)."""
    from scales.app import SETTINGS, wake

    script = Path(__file__).resolve().parent / "app.py"
    flags = [f"--{key}={value}" for key, value in SETTINGS.items()] + [f"--server.port={args.port}"]
    env = {**os.environ, **({"SCALES_MIRROR": str(Path(args.mirror).resolve())} if args.mirror else {})}
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), *flags], env=env)
    threading.Thread(target=wake, args=(f"http://127.0.0.1:{args.port}",), daemon=True).start()
    try:
        return server.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches the server too; wait for it to stop
        return server.wait()


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--mirror", help="read upstream files from this local mirror folder (else SCALES_MIRROR, else download)"
    )
    common.add_argument("--quiet", "-q", action="store_true", help="no progress output")
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--date", type=iso_date, help="reference date YYYY-MM-DD (default: today)")
    tabular = argparse.ArgumentParser(add_help=False)
    tabular.add_argument("--format", choices=["csv", "json"], default="csv", help="table as CSV (default) or JSON")
    tabular.add_argument("--json", dest="format", action="store_const", const="json", help="same as --format json")

    main = argparse.ArgumentParser(prog="scales", description="Scale mismatch of Belgian public-safety territories.")
    sub = main.add_subparsers(dest="command", required=True)
    sub.add_parser(
        "fetch", parents=[common], help="download (or check in the mirror) every upstream file"
    ).set_defaults(run=cmd_fetch)
    validate = sub.add_parser("validate", parents=[common, dated], help="check every layer")
    validate.add_argument("--rebuild", action="store_true", help="rebuild the atlas instead of using the cache")
    validate.set_defaults(run=cmd_validate)
    layers = sub.add_parser("layers", parents=[common, dated, tabular], help="list the layers with their provenance")
    layers.add_argument("--lang", choices=["nl", "en"], default="nl")
    layers.set_defaults(run=cmd_layers)
    membership = sub.add_parser("membership", parents=[common, dated, tabular], help="a layer's membership table")
    membership.add_argument("layer")
    membership.set_defaults(run=cmd_membership)
    atoms = sub.add_parser("atoms", parents=[common, tabular], help="the municipalities with area and inhabitants")
    atoms.set_defaults(run=cmd_atoms)
    compare = sub.add_parser("compare", parents=[common, dated, tabular], help="compare layer A with layer B")
    compare.add_argument("a", help="layer id or CSV path (nis,unit_id[,share])")
    compare.add_argument("b", help="layer id or CSV path")
    compare.add_argument("--weight", choices=WEIGHTS, default="inhabitants")
    compare.add_argument("--beta", type=positive_number, default=1.0, help="V-measure beta > 0 (default 1)")
    output = compare.add_mutually_exclusive_group()  # without any: the key figures
    output.add_argument("--units", action="store_true", help="one CSV row per unit of A and of B")
    output.add_argument("--moves", action="store_true", help="municipalities that would move for A to nest in B")
    output.add_argument("--straddles", action="store_true", help="A-units split over B, with municipalities")
    compare.add_argument("--reverse", action="store_true", help="with --moves: B into A")
    compare.set_defaults(run=cmd_compare)
    matrix = sub.add_parser("matrix", parents=[common, dated, tabular], help="one metric for every pair of layers")
    matrix.add_argument("--metric", choices=MATRIX_METRICS, default="v_measure")
    matrix.add_argument("--weight", choices=WEIGHTS, default="inhabitants")
    matrix.add_argument("--layers", help="comma-separated layer ids or CSV paths (default: all)")
    matrix.set_defaults(run=cmd_matrix)
    partners = sub.add_parser(
        "partners", parents=[common, dated, tabular], help="partner counts per municipality or unit"
    )
    partners.add_argument("--layers", help="comma-separated layer ids or CSV paths (default: all)")
    partners.add_argument("--units", metavar="LAYER", help="per unit of this layer: counterpart units in the others")
    partners.set_defaults(run=cmd_partners)
    cover = sub.add_parser("coverage", parents=[common, dated, tabular], help="how far residents live from a location")
    cover.add_argument("--threshold-km", type=positive_number, default=coverage.DEFAULT_THRESHOLD_KM)
    cover.add_argument("--by", default="veilig_huis", help="layer whose units to report (default veilig_huis)")
    cover.add_argument(
        "--locations",
        default="veilig_huis_locations,antenna_points",
        help=f"comma-separated kinds among {', '.join(coverage.LOCATION_KINDS)}",
    )
    cover.add_argument(
        "--resolution",
        choices=["municipality", "sector"],
        default="municipality",
        help="sector: Statbel sector population and boundaries placed in statbel/ (else municipalities)",
    )
    cover.add_argument("--location-set", metavar="NAME", help="add a set of own locations saved on the Bereik page")
    cover.add_argument("--suggest", type=int, metavar="K", help="the next K antenna sites (greedy and exact)")
    cover.add_argument("--greedy-only", action="store_true", help="with --suggest: skip the exact solution")
    cover.add_argument(
        "--within", metavar="LAYER=UNIT", help="with --suggest: candidates and people of one province, judicial "
        "arrondissement or Veilig Huis only (e.g. veilig_huis=vh-limburg)",
    )  # fmt: skip
    cover.set_defaults(run=cmd_coverage)
    staffing = sub.add_parser(
        "capacity", parents=[common, dated, tabular], help="ARIEC staff per area and missing roles"
    )
    staffing.set_defaults(run=cmd_capacity)
    report = sub.add_parser("report", parents=[common, dated], help="a region report as PDF, HTML or Excel")
    report.add_argument("--region", default="all", help="all, or a judicial arrondissement, parket or province")
    report.add_argument("--format", choices=["pdf", "html", "xlsx"], default="pdf")
    report.add_argument("--lang", choices=["nl", "en"], default="nl")
    report.add_argument("--weight", choices=WEIGHTS, default="inhabitants")
    report.add_argument("-o", "--output", required=True, help="file to write")
    report.set_defaults(run=cmd_report)
    export = sub.add_parser("export", parents=[common, dated], help="a layer's unit polygons as GeoPackage or GeoJSON")
    export.add_argument("layer", help="layer id or CSV path")
    export.add_argument("--format", choices=["gpkg", "geojson"], default="gpkg")
    export.add_argument("--anchor", help="add each unit's alignment class against this layer")
    export.add_argument(
        "--lang", choices=["nl", "en"], help="class values in words in this language (default: codes); metadata in it"
    )
    export.add_argument("-o", "--output", required=True, help="file to write")
    export.set_defaults(run=cmd_export)
    aligned = sub.add_parser(
        "align", parents=[common, dated, tabular], help="the smallest reassignment that makes a layer nest in an anchor"
    )
    aligned.add_argument("layer", help="layer to align: id, scenario:NAME or CSV path")
    aligned.add_argument("--to", required=True, help="the anchor layer")
    aligned.add_argument("--weight", choices=WEIGHTS, default="inhabitants")
    aligned.add_argument("--save", metavar="NAME", help="keep the aligned layer as scenario:NAME")
    aligned.add_argument("--replace", action="store_true", help="with --save: replace a scenario of that name")
    aligned.set_defaults(run=cmd_align)
    agreed = sub.add_parser(
        "consensus", parents=[common, dated, tabular],
        help="Eén kaart: the K contiguous regions the chosen layers fit best, and the price of K",
    )  # fmt: skip
    agreed.add_argument("--layers", default=",".join(consensus.DEFAULT_LAYERS),
                        help="layers to fit, comma-separated (ids, scenario:NAME or CSV paths)")  # fmt: skip
    agreed.add_argument("--regions", type=int, default=15, help="number of regions K (default 15)")
    agreed.add_argument("--min-inhabitants", type=float, default=0.0, help="population floor per region")
    agreed.add_argument("--weight", choices=WEIGHTS, default="inhabitants")
    agreed.add_argument("--territory", choices=["auto", *consensus.TERRITORIES], default="auto",
                        help="flanders (285) or flanders_brussels (304); auto: the largest all cover")  # fmt: skip
    agreed.add_argument("--within", metavar="LAYER=UNIT", help="only the municipalities of one province, judicial "
                        "arrondissement or Veilig Huis (e.g. province=70000)")  # fmt: skip
    agreed.add_argument("--seed", type=int, default=0, help="random seed (the same seed gives the same grid)")
    agreed.add_argument("--runs", type=int, help=f"local-search runs (default {consensus.DEFAULT_RUNS}; curve 4)")
    agreed.add_argument("--curve", type=_k_range, metavar="FROM..TO", help="the best objective for each K")
    agreed.add_argument("--anchors", action="store_true",
                        help="with --json: the existing maps' costs beside the best grid of the same K")  # fmt: skip
    agreed.add_argument("--exact", action="store_true",
                        help="also solve the integer programme (small: use --within), report the gap")  # fmt: skip
    agreed.add_argument("--save", metavar="NAME", help="keep the grid as scenario:NAME")
    agreed.add_argument("--replace", action="store_true", help="with --save: replace a scenario of that name")
    agreed.set_defaults(run=cmd_consensus)
    scenario = sub.add_parser("scenario", parents=[common, tabular], help="saved scenarios and custom layers")
    scenario.add_argument("action", choices=["list", "show", "export", "import", "delete", "bin", "restore"])
    scenario.add_argument("name", nargs="?", help="scenario:NAME or NAME (import: the file to read)")
    scenario.add_argument("--name", dest="save_as", help="import: save under this name (default: the file name)")
    scenario.add_argument("-o", "--output", help="export: file to write (default: standard output)")
    scenario.add_argument("--replace", action="store_true", help="import, restore: replace a saved layer of that name")
    scenario.add_argument("--yes", action="store_true", help="delete without asking")
    scenario.set_defaults(run=cmd_scenario)
    places = sub.add_parser("locations", parents=[common, tabular], help="saved location sets (Bereik page)")
    places.add_argument("action", choices=["list", "show", "delete"])
    places.add_argument("name", nargs="?", help="the location set")
    places.add_argument("--yes", action="store_true", help="delete without asking")
    places.set_defaults(run=cmd_locations)
    dashboard = sub.add_parser("dashboard", parents=[common], help="start the dashboard in the browser")
    dashboard.add_argument("--port", type=int, default=8501)
    dashboard.set_defaults(run=cmd_dashboard)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0
    except ScalesError as error:
        print(f"scales: {for_terminal(str(error))}", file=sys.stderr)
        return 2


def write_output(path: str, data: bytes) -> None:
    """Write a file the user named with `-o`: whole or not at all (a temporary file renamed into place), with
    a clear refusal when the folder is missing, the path is a folder, or the disk is full."""
    target = Path(path)
    if target.is_dir():
        raise UsageError(Problem("output_is_folder", {"path": str(target)}))
    if not target.parent.is_dir():
        raise UsageError(Problem("output_no_folder", {"path": str(target), "folder": str(target.parent)}))
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UsageError(
            Problem("output_failed", {"path": str(target), "error": error.strerror or str(error)})
        ) from error


def iso_date(text: str) -> str:
    """An argparse type: a calendar date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def positive_number(text: str) -> float:
    """An argparse type: a finite number above zero (V-measure's beta)."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive finite number")
    return value


if __name__ == "__main__":
    sys.exit(main())
