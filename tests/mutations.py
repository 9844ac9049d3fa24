"""Bugs planted on purpose: each is applied to the code in turn, the tests that should catch it are run
(stopping at the first failure), and the file is restored. Prints one line per mutation; the record of the
last run is docs/mutations.md. Run from the repository: `.venv/bin/python tests/mutations.py`."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTATIONS = [
    (
        "spreadsheet-illegal characters no longer replaced",
        "scales/output/reports.py",
        'return FORMULA_AT.sub("\'", for_spreadsheet(value)) if isinstance(value, str) else value',
        'return FORMULA_AT.sub("\'", value) if isinstance(value, str) else value',
        "tests/test_hostile_input.py",
    ),
    (
        "st.table cells not escaped for Markdown",
        "scales/dashboard/ui.py",
        "st.table(table.map(lambda v: for_markdown(v) if isinstance(v, str) else v), hide_index=True)",
        "st.table(table, hide_index=True)",
        "tests/test_hostile_input.py",
    ),
    (
        "anyone may delete anyone's saved work",
        "scales/data/store.py",
        "    if row is not None and by is not None and row[-1] != by:",
        "    if False:",
        "tests/data/test_store.py",
    ),
    (
        "a private scenario shown to everyone",
        "scales/data/store.py",
        "VISIBLE = \"(? IS NULL OR {t}.owner = ? OR {t}.visibility = 'shared')\"",
        'VISIBLE = "(? IS NULL OR {t}.owner = ? OR 1)"',
        "tests/data/test_store.py",
    ),
    (
        "deleting removes for good (no bin)",
        "scales/data/store.py",
        "    _rename(connection, table, children, name, bin_id)\n",
        '    connection.execute(f"DELETE FROM {table} WHERE name = ?", (name,))\n    return True\n',
        "tests/data/test_store.py",
    ),
    (
        "E2SFCA step weights swapped",
        "scales/analysis/coverage.py",
        "STEP_WEIGHTS = (1.0, 0.68, 0.22)",
        "STEP_WEIGHTS = (0.68, 1.0, 0.22)",
        "tests/analysis/test_coverage.py",
    ),
    (
        "point-in-polygon for split municipalities skipped",
        "scales/analysis/coverage.py",
        'if pieces is not None and place.nis in set(pieces["nis"]):',
        "if False:",
        "tests/analysis/test_coverage.py",
    ),
    (
        "created reset when a saved layer is replaced",
        "scales/data/store.py",
        "created = exists[0] if exists else now",
        "created = now",
        "tests/data/test_store.py",
    ),
    (
        "region filter of the report's ARIEC teams dropped",
        "scales/output/region.py",
        'capacity=staffing[staffing["ariec_id"].isin(ariec)].reset_index(drop=True)',
        "capacity=staffing",
        "tests/output/test_report.py",
    ),
    (
        "PDF cells at 0 decimals",
        "scales/output/report.py",
        "value = number(value, lang, 0 if abs(value) >= 100 or value == int(value) else 3)",
        "value = number(value, lang, 0)",
        "tests/output/test_report.py",
    ),
    (
        "split remainders not renormalised",
        "scales/data/builders.py",
        '    pieces["share"] = pieces["share"] / pieces.groupby("nis")["share"].transform("sum")\n    return',
        "    return",
        "tests/data/test_layers.py",
    ),
    (
        "sub-zone remainder not spread by sector share",
        "scales/data/subzones.py",
        "(rest / rest.sum() * remainder)",
        "(rest * remainder)",
        "tests/data/test_subzones.py",
    ),
    (
        "area shares used instead of inhabitant shares",
        "scales/data/layers.py",
        'return "share_inhabitants" if weight == "inhabitants" else "share"',
        'return "share"',
        "tests/engine/test_compare.py tests/test_app.py",
    ),
    (
        "CLI writes floats as they come (1.54441e+06)",
        "scales/cli.py",
        'write_csv(_plain_numbers(text), sys.stdout, float_format="%.6f")',
        'write_csv(text, sys.stdout, float_format="%.6g")',
        "tests/test_cli.py",
    ),
    (
        "Bereik's delta compares the wrong way round",
        "scales/analysis/coverage.py",
        "return {key: second[key] - first[key] for key in first}",
        "return {key: first[key] - second[key] for key in first}",
        "tests/test_app.py tests/analysis/test_coverage.py",
    ),
    (
        "show() ignores the per-column formats",
        "scales/output/tables.py",
        "        elif column in FORMATS:\n"
        "            table[column] = as_text(values.astype(float), lang, *FORMATS[column])\n",
        "",
        "tests/test_app.py tests/test_ui_helpers.py",
    ),
]
for name, path, old, new, tests in MUTATIONS:
    file = ROOT / path
    text = file.read_text()
    assert text.count(old) == 1, (name, text.count(old))
    file.write_text(text.replace(old, new))
    try:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *tests.split()],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=os.environ,
        )
        failed = [x.split(" - ")[0][7:] for x in run.stdout.splitlines() if x.startswith("FAILED")]
        print(f"{'CAUGHT' if run.returncode else 'SURVIVED'} | {name} | {path} | {', '.join(failed)}", flush=True)
    finally:
        file.write_text(text)
