"""Run inside a bare virtual environment by its own interpreter (`python -I`), with only the built wheel
installed: every CLI command once and every page through AppTest, then prove that no `scales` module
came from anywhere but that installation. Prints one `ok <what>` line per check; exits non-zero on the
first failure. Arguments: a scratch folder for outputs."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path

import scales
from scales.cli import main

SITE = Path(scales.__file__).resolve().parent
scratch = Path(sys.argv[1])
layer_csv = scratch / "mine.csv"
layer_csv.write_text("nis,unit_id\n11001,a\n11002,a\n11004,b\n", encoding="utf-8")

COMMANDS = {
    "validate": ["validate"],
    "layers": ["layers", "--format", "json"],
    "membership": ["membership", "prosecution_area"],
    "atoms": ["atoms"],
    "compare": ["compare", "police_zone", "primary_care_zone", "--format", "json"],
    "matrix": ["matrix", "--layers", "police_zone,primary_care_zone"],
    "partners": ["partners", "--layers", "police_zone,primary_care_zone"],
    "coverage": ["coverage", "--format", "json"],
    "capacity": ["capacity", "--format", "json"],
    "align": ["align", "police_zone", "--to", "reference_region", "--format", "json"],
    "consensus": ["consensus", "--within", "province=70000", "--regions", "3", "--runs", "1", "--json"],
    "scenario import": ["scenario", "import", str(layer_csv), "--name", "wheel-check"],
    "scenario list": ["scenario", "list", "--format", "json"],
    "report": ["report", "--region", "leuven", "--format", "pdf", "-o", str(scratch / "leuven.pdf")],
    "export": ["export", "police_zone", "--format", "gpkg", "-o", str(scratch / "zones.gpkg")],
}
for name, argv in COMMANDS.items():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*argv, "-q"])
    assert code == 0, f"scales {' '.join(argv)} exited {code}"
    text = out.getvalue()
    if "json" in argv:
        json.loads(text)
    assert text or (scratch / Path(argv[-1]).name).is_file(), f"scales {name} wrote nothing"
    print(f"ok scales {name}")

from streamlit.testing.v1 import AppTest  # noqa: E402  (after the CLI: the pages need the same atlas cache)

app = AppTest.from_file(str(SITE / "app.py"), default_timeout=120).run()
assert not app.exception, app.exception
for page in sorted((SITE / "pages").glob("*.py")):
    app.switch_page(f"pages/{page.name}").run()
    assert not app.exception, (page.name, app.exception)
    print(f"ok page {page.stem}")

foreign = {
    name: module.__file__
    for name, module in sys.modules.items()
    if name.split(".")[0] == "scales"
    and getattr(module, "__file__", None)
    and not Path(module.__file__).resolve().is_relative_to(SITE)
}
assert not foreign, f"scales modules from outside the installation: {foreign}"
print(f"ok {sum(n.split('.')[0] == 'scales' for n in sys.modules)} scales modules, all from {SITE}")
