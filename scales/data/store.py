"""Saved work: scenarios, custom layers and location sets in an embedded SQLite database.

The database lives in the user data directory (`SCALES_STORE` names another directory). Every write is
one transaction in WAL mode with a busy timeout, so several dashboard sessions and CLI calls can write
at once without losing or corrupting anything. The schema carries its version (`PRAGMA user_version`)
and is brought up to date, one migration at a time, whenever a store is opened.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pandas as pd
import platformdirs

from scales.data.layers import Layer, LayerMeta, membership_frame, units_frame
from scales.problems import Problem, UsageError
from scales.texts import text_problem

STORE_ENV = "SCALES_STORE"
STORE_FILE = "scales.sqlite"
SCENARIO_PREFIX = "scenario:"
"""Saved scenarios and custom layers are addressed as `scenario:NAME` wherever a layer id is accepted."""
NAME_LENGTH = 60
_NAME_FORBIDDEN = re.compile(r"[^\w\- ]+")
EXPORT_FORMAT = "scales-scenario"
BUSY_TIMEOUT_S = 30.0
"""How long a writer waits for another one to finish its transaction before giving up."""
READ_TIMEOUT_S = 3.0
"""How long a reader, and the opening of a store, wait for a lock another program holds: a page that only
shows saved work says the store is busy after this, instead of hanging for a writer's timeout."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: saved layers with their units and membership rows
        """CREATE TABLE saved_layer (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('scenario', 'custom')),
            parent TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE saved_unit (
            layer TEXT NOT NULL REFERENCES saved_layer(name) ON DELETE CASCADE,
            unit_id TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (layer, unit_id))""",
        """CREATE TABLE saved_member (
            layer TEXT NOT NULL REFERENCES saved_layer(name) ON DELETE CASCADE,
            nis TEXT NOT NULL,
            unit_id TEXT NOT NULL,
            share REAL NOT NULL CHECK (share > 0 AND share <= 1.000001),
            share_inhabitants REAL NOT NULL CHECK (share_inhabitants > 0 AND share_inhabitants <= 1.000001),
            share_basis TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (layer, nis, unit_id))""",
    ),
    (  # 2: a note per saved layer, and location sets (antenna points, uploaded locations)
        "ALTER TABLE saved_layer ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE location_set (
            name TEXT PRIMARY KEY,
            note TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE saved_location (
            location_set TEXT NOT NULL REFERENCES location_set(name) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            nis TEXT NOT NULL DEFAULT '',
            lon REAL,
            lat REAL,
            PRIMARY KEY (location_set, position))""",
    ),
    (  # 3: a bin (deleted and replaced items, restorable for BIN_DAYS), and an owner and visibility per item
        "ALTER TABLE saved_layer ADD COLUMN deleted TEXT",
        "ALTER TABLE saved_layer ADD COLUMN original TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE saved_layer ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE saved_layer ADD COLUMN visibility TEXT NOT NULL DEFAULT 'shared'",
        "ALTER TABLE location_set ADD COLUMN deleted TEXT",
        "ALTER TABLE location_set ADD COLUMN original TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE location_set ADD COLUMN owner TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE location_set ADD COLUMN visibility TEXT NOT NULL DEFAULT 'shared'",
    ),
)
"""Migration k brings a store from schema version k to k + 1; a new version appends one, never edits one."""
SCHEMA_VERSION = len(MIGRATIONS)
BIN_DAYS = 30
"""How long a deleted or replaced item stays restorable."""
BIN_TABLES = {"layer": ("saved_layer", (("saved_unit", "layer"), ("saved_member", "layer"))),
              "locations": ("location_set", (("saved_location", "location_set"),))}  # fmt: skip
"""Per kind of saved item: its table, and the tables (and columns) that refer to it by name."""
LOCATION_COLUMNS = ["name", "nis", "lon", "lat"]


def clean_name(name: str) -> str:
    """A name as stored and shown: letters, digits, `-`, `_` and spaces, at most 60 characters."""
    cleaned = _NAME_FORBIDDEN.sub("_", str(name).removeprefix(SCENARIO_PREFIX)).strip()[:NAME_LENGTH].strip()
    if not cleaned.strip("_"):
        raise UsageError(Problem("store_name_empty"))
    return cleaned


def store_dir() -> Path:
    """Where the saved-work database lives: `SCALES_STORE`, else the user data directory."""
    return Path(os.environ.get(STORE_ENV) or platformdirs.user_data_dir("scales")).expanduser()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """One saved-work database; open it per operation (connections are cheap, transactions short)."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.path = Path(folder or store_dir()) / STORE_FILE
        self.read_only = False
        """True for a store of a newer scales: read, never written (not even its journal mode)."""
        self.writes = 0
        """Write transactions committed through this object: lets a caller see its own writes at once."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.is_file() and self._untouched_version() > SCHEMA_VERSION:
                self.read_only = True
                return
            with closing(sqlite3.connect(self.path, timeout=READ_TIMEOUT_S, isolation_level=None)) as connection:
                _use_wal(connection, READ_TIMEOUT_S)
                self._migrate(connection)
        except (OSError, sqlite3.Error) as error:
            raise UsageError(_problem(self.path, error)) from error
        try:
            self.empty_bin(wait=READ_TIMEOUT_S)
        except UsageError as error:  # another program holds the store: its bin is emptied at a later opening
            if error.problems[0].key != "store_locked":
                raise

    def _untouched_version(self) -> int:
        """The schema version, read without changing a byte of the file (read-only, immutable); 0 when the file
        cannot be read that way (e.g. another process is creating it this instant: then it is not newer)."""
        try:
            with closing(sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True)) as connection:
                return connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            return 0

    def signature(self) -> tuple:
        """Changes whenever the store's content may have changed (the database and its write-ahead log), so
        a caller can re-read the list of saved work only then: two `stat` calls, no query."""
        stats = [p.stat() if p.exists() else None for p in (self.path, self.path.with_name(STORE_FILE + "-wal"))]
        return tuple((s.st_mtime_ns, s.st_size) if s else None for s in stats)

    @contextmanager
    def _connect(self, wait: float | None = None) -> Iterator[sqlite3.Connection]:
        """A connection that waits up to `wait` seconds (default `READ_TIMEOUT_S`) for another program's lock;
        a store that is gone, damaged or locked past that is a `UsageError` saying what to do, never a crash of
        the page that asked."""
        if not self.path.is_file():
            raise UsageError(Problem("store_gone", {"path": str(self.path)}))
        try:
            if self.read_only:
                connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True)
            else:
                connection = sqlite3.connect(self.path, timeout=READ_TIMEOUT_S if wait is None else wait,
                                             isolation_level=None)  # fmt: skip
                connection.execute("PRAGMA foreign_keys=ON")
        except sqlite3.Error as error:
            raise UsageError(_problem(self.path, error)) from error
        try:
            yield connection
        except (sqlite3.Error, pd.errors.DatabaseError) as error:  # pandas wraps what its queries raise
            raise UsageError(_problem(self.path, error.__cause__ or error)) from error
        finally:
            connection.close()

    @contextmanager
    def _write(self, wait: float | None = None) -> Iterator[sqlite3.Connection]:
        """One write transaction: taken at once (no lock upgrade deadlock), committed or rolled back whole;
        it waits up to `wait` seconds (default `BUSY_TIMEOUT_S`) for another writer."""
        if self.read_only:
            raise UsageError(Problem("store_newer", {"path": str(self.path), "version": SCHEMA_VERSION}))
        with self._connect(BUSY_TIMEOUT_S if wait is None else wait) as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            self.writes += 1

    @staticmethod
    def _migrate(connection: sqlite3.Connection) -> None:
        """Apply the migrations this store has not seen, each in its own transaction."""
        while (version := connection.execute("PRAGMA user_version").fetchone()[0]) < SCHEMA_VERSION:
            connection.execute("BEGIN IMMEDIATE")
            if connection.execute("PRAGMA user_version").fetchone()[0] != version:  # another process was first
                connection.execute("ROLLBACK")
                continue
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")

    @property
    def version(self) -> int:
        """The schema version of the database."""
        with self._connect() as connection:
            return connection.execute("PRAGMA user_version").fetchone()[0]

    # --- layers --------------------------------------------------------------------------------

    def layers(self, viewer: str | None = None) -> pd.DataFrame:
        """The saved layers `viewer` may see (None: all, as the installation's operator on the command line):
        name, id (`scenario:NAME`), kind, parent, units, municipalities, note, dates, owner, visibility."""
        query = f"""SELECT l.name, l.kind, l.parent, l.source, l.note, l.created, l.updated,
                          (SELECT COUNT(*) FROM saved_unit u WHERE u.layer = l.name) AS units,
                          (SELECT COUNT(DISTINCT nis) FROM saved_member m WHERE m.layer = l.name) AS municipalities,
                          l.owner, l.visibility
                   FROM saved_layer l WHERE l.deleted IS NULL AND {VISIBLE.format(t="l")}
                   ORDER BY l.name COLLATE NOCASE"""
        with self._connect() as connection:
            table = pd.read_sql_query(query, connection, params=_viewer(viewer))
        table.insert(1, "id", SCENARIO_PREFIX + table["name"])
        return table

    def names(self) -> list[str]:
        """The names of the saved layers, sorted."""
        return list(self.layers()["name"])

    def save_layer(
        self, layer: Layer, name: str | None = None, replace: bool = False, note: str = "",
        owner: str | None = None, visibility: str = "shared",
    ) -> str:  # fmt: skip
        """Keep a layer under `name` (default: its own name) for `owner` (None: the installation's operator),
        private to them or shared with everyone; returns its id `scenario:NAME`. An existing name is refused
        unless `replace`, and only its owner may replace it: nothing is overwritten by accident or by another."""
        title = clean_name(name or layer.meta.name_nl)
        units = layer.units
        _checked_texts([*(("unit_id", u) for u in units["unit_id"]), *(("unit_name", n) for n in units["name"]),
                        ("parent", layer.meta.parent), ("note", note)])  # fmt: skip
        kind = "custom" if layer.meta.kind == "custom" else "scenario"
        now = _now()
        rows = layer.membership[["nis", "unit_id", "share", "share_inhabitants", "share_basis"]]
        with self._write() as connection:
            exists = connection.execute(
                "SELECT created, owner FROM saved_layer WHERE name = ? AND deleted IS NULL", (title,)
            ).fetchone()
            if exists and not replace:
                raise UsageError(Problem("store_name_taken", {"name": title}))
            _owned(exists, owner, title)
            created = exists[0] if exists else now
            if exists:  # the replaced version goes to the bin, restorable
                _to_bin(connection, "layer", title, now)
            connection.execute(
                "INSERT INTO saved_layer (name, kind, parent, source, note, created, updated, owner, visibility) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (title, kind, layer.meta.parent, layer.meta.source, note, created, now, owner or "",
                 _visibility(visibility)),
            )  # fmt: skip
            connection.executemany(
                "INSERT INTO saved_unit (layer, unit_id, name) VALUES (?,?,?)",
                [(title, str(u), str(n)) for u, n in zip(layer.units["unit_id"], layer.units["name"], strict=True)],
            )
            connection.executemany(
                "INSERT INTO saved_member (layer, nis, unit_id, share, share_inhabitants, share_basis) "
                "VALUES (?,?,?,?,?,?)",
                [(title, *row) for row in rows.itertuples(index=False, name=None)],
            )
        return SCENARIO_PREFIX + title

    def layer(self, name: str, atom_ids: set[str] | None = None) -> Layer:
        """A saved layer by name or `scenario:NAME`, as a `Layer` (kind scenario or custom)."""
        title = str(name).removeprefix(SCENARIO_PREFIX)
        with self._connect() as connection:
            head = connection.execute(
                "SELECT kind, parent, source, note, updated FROM saved_layer WHERE name = ? AND deleted IS NULL",
                (title,),
            ).fetchone()
            if head is None:
                known = ", ".join(SCENARIO_PREFIX + n for n in self.names()) or "-"
                raise UsageError(Problem("store_unknown", {"name": SCENARIO_PREFIX + title, "known": known}))
            units = pd.read_sql_query(
                "SELECT unit_id, name FROM saved_unit WHERE layer = ? ORDER BY unit_id", connection, params=(title,)
            )
            rows = pd.read_sql_query(
                "SELECT nis, unit_id, share, share_inhabitants, share_basis FROM saved_member "
                "WHERE layer = ? ORDER BY nis, unit_id",
                connection,
                params=(title,),
            )
        kind, parent, source, _, updated = head
        return self._as_layer((title, kind, parent, source, updated), units, rows, atom_ids)

    def all_layers(self, atom_ids: set[str] | None = None) -> dict[str, Layer]:
        """Every saved layer by id, read in three queries (not three per layer): what every page offers."""
        with self._connect() as connection:
            heads = pd.read_sql_query(
                "SELECT name, kind, parent, source, updated FROM saved_layer WHERE deleted IS NULL", connection
            )
            units = pd.read_sql_query(
                "SELECT u.layer, u.unit_id, u.name FROM saved_unit u JOIN saved_layer l ON l.name = u.layer "
                "WHERE l.deleted IS NULL ORDER BY u.layer, u.unit_id", connection,
            )  # fmt: skip
            rows = pd.read_sql_query(
                "SELECT m.layer, m.nis, m.unit_id, m.share, m.share_inhabitants, m.share_basis FROM saved_member m "
                "JOIN saved_layer l ON l.name = m.layer WHERE l.deleted IS NULL ORDER BY m.layer, m.nis, m.unit_id",
                connection,
            )
        by_layer_units, by_layer_rows = dict(tuple(units.groupby("layer"))), dict(tuple(rows.groupby("layer")))
        empty_units, empty_rows = units.iloc[:0], rows.iloc[:0]
        return {
            SCENARIO_PREFIX + head[0]: self._as_layer(
                head, by_layer_units.get(head[0], empty_units), by_layer_rows.get(head[0], empty_rows), atom_ids
            )
            for head in heads.itertuples(index=False, name=None)
        }

    @staticmethod
    def _as_layer(head: tuple, units: pd.DataFrame, rows: pd.DataFrame, atom_ids: set[str] | None) -> Layer:
        """A `Layer` from a saved layer's head (name, kind, parent, source, updated), units and rows."""
        name, kind, parent, source, updated = head
        meta = LayerMeta(
            id=SCENARIO_PREFIX + name,
            name_nl=name,
            name_en=name,
            source=source or f"saved {kind}",
            licence="user-supplied",
            reference_date=updated[:10],
            confidence="inferred",
            kind=kind,
            parent=parent,
        )
        membership = membership_frame(
            rows["nis"], rows["unit_id"], rows["share"], confidence="inferred",
            share_inhabitants=rows["share_inhabitants"], share_basis=rows["share_basis"],
        )  # fmt: skip
        missing = tuple(sorted(set(atom_ids or ()) - set(membership["nis"])))
        return Layer(meta, membership, units_frame(units["unit_id"], units["name"]), missing)

    def delete_layer(self, name: str, by: str | None = None) -> bool:
        """Move a saved layer to the bin (restorable for `BIN_DAYS` days); False when there was none. Only its
        owner may (`by`; None: the installation's operator)."""
        title = str(name).removeprefix(SCENARIO_PREFIX)
        with self._write() as connection:
            found = connection.execute("SELECT 1, owner FROM saved_layer WHERE name = ? AND deleted IS NULL", (title,))
            _owned(found.fetchone(), by, title)
            return _to_bin(connection, "layer", title, _now())

    # --- location sets -------------------------------------------------------------------------

    def location_sets(self, viewer: str | None = None) -> pd.DataFrame:
        """The saved location sets `viewer` may see: name, locations, note, dates, owner, visibility."""
        query = f"""SELECT s.name, s.note, s.created, s.updated,
                          (SELECT COUNT(*) FROM saved_location l WHERE l.location_set = s.name) AS locations,
                          s.owner, s.visibility
                   FROM location_set s WHERE s.deleted IS NULL AND {VISIBLE.format(t="s")}
                   ORDER BY s.name COLLATE NOCASE"""
        with self._connect() as connection:
            return pd.read_sql_query(query, connection, params=_viewer(viewer))

    def save_locations(
        self, name: str, table: pd.DataFrame, replace: bool = False, note: str = "",
        owner: str | None = None, visibility: str = "shared",
    ) -> str:  # fmt: skip
        """Keep locations (`name`, and `nis` or `lon`/`lat`) under a name for `owner`; a taken name is refused
        unless `replace`, and only its owner may replace it."""
        title = clean_name(name)
        rows = table.reindex(columns=LOCATION_COLUMNS)
        _checked_texts([("location name", n) for n in rows["name"]] + [("note", note)])
        now = _now()
        with self._write() as connection:
            exists = connection.execute(
                "SELECT created, owner FROM location_set WHERE name = ? AND deleted IS NULL", (title,)
            ).fetchone()
            if exists and not replace:
                raise UsageError(Problem("store_name_taken", {"name": title}))
            _owned(exists, owner, title)
            if exists:
                _to_bin(connection, "locations", title, now)
            connection.execute(
                "INSERT INTO location_set (name, note, created, updated, owner, visibility) VALUES (?,?,?,?,?,?)",
                (title, note, exists[0] if exists else now, now, owner or "", _visibility(visibility)),
            )
            connection.executemany(
                "INSERT INTO saved_location (location_set, position, name, nis, lon, lat) VALUES (?,?,?,?,?,?)",
                [
                    (title, i, str(r.name), "" if pd.isna(r.nis) else str(r.nis), _real(r.lon), _real(r.lat))
                    for i, r in enumerate(rows.itertuples(index=False))
                ],
            )
        return title

    def locations(self, name: str) -> pd.DataFrame:
        """A saved location set as a table `name, nis, lon, lat` (a missing coordinate is empty)."""
        with self._connect() as connection:
            query = "SELECT 1 FROM location_set WHERE name = ? AND deleted IS NULL"
            if connection.execute(query, (name,)).fetchone() is None:
                known = ", ".join(self.location_sets()["name"]) or "-"
                raise UsageError(Problem("store_unknown", {"name": name, "known": known}))
            return pd.read_sql_query(
                "SELECT name, nis, lon, lat FROM saved_location WHERE location_set = ? ORDER BY position",
                connection,
                params=(name,),
            )

    def delete_locations(self, name: str, by: str | None = None) -> bool:
        """Move a saved location set to the bin (restorable for `BIN_DAYS` days); False when there was none.
        Only its owner may (`by`; None: the installation's operator)."""
        with self._write() as connection:
            found = connection.execute("SELECT 1, owner FROM location_set WHERE name = ? AND deleted IS NULL", (name,))
            _owned(found.fetchone(), by, name)
            return _to_bin(connection, "locations", name, _now())

    # --- the bin -------------------------------------------------------------------------------

    def bin(self, viewer: str | None = None) -> pd.DataFrame:
        """Deleted and replaced items still restorable by `viewer` (their owner; None: all): bin_id, kind
        (layer or locations), name, deleted."""
        mine = "" if viewer is None else " AND owner = ?"
        query = f"""SELECT name AS bin_id, 'layer' AS kind, original AS name, deleted FROM saved_layer
                   WHERE deleted IS NOT NULL{mine}
                   UNION ALL SELECT name, 'locations', original, deleted FROM location_set
                   WHERE deleted IS NOT NULL{mine} ORDER BY deleted DESC"""
        with self._connect() as connection:
            return pd.read_sql_query(query, connection, params=() if viewer is None else (viewer, viewer))

    def restore(self, bin_id: str, replace: bool = False, by: str | None = None) -> str:
        """Put an item from the bin back under its name (only its owner, `by`, may); a live item of that name
        is refused unless `replace` (which moves it to the bin in turn, if `by` owns it). Returns the name."""
        with self._write() as connection:
            for kind, (table, children) in BIN_TABLES.items():
                found = connection.execute(
                    f"SELECT original, owner FROM {table} WHERE name = ? AND deleted IS NOT NULL", (bin_id,)
                ).fetchone()
                if found is None:
                    continue
                original = found[0]
                _owned(found, by, original)
                live = connection.execute(
                    f"SELECT 1, owner FROM {table} WHERE name = ? AND deleted IS NULL", (original,)
                )
                if (current := live.fetchone()) is not None:
                    if not replace:
                        raise UsageError(Problem("store_name_taken", {"name": original}))
                    _owned(current, by, original)
                    _to_bin(connection, kind, original, _now())
                _rename(connection, table, children, bin_id, original)
                connection.execute(f"UPDATE {table} SET deleted = NULL, original = '' WHERE name = ?", (original,))
                return original
        known = ", ".join(self.bin()["bin_id"]) or "-"
        raise UsageError(Problem("store_unknown", {"name": bin_id, "known": known}))

    def empty_bin(self, days: int = BIN_DAYS, wait: float | None = None) -> int:
        """Remove what has been in the bin longer than `days`; the number of items removed."""
        cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")
        with self._write(wait) as connection:
            return sum(
                connection.execute(f"DELETE FROM {table} WHERE deleted IS NOT NULL AND deleted < ?", (cutoff,)).rowcount
                for table, _ in BIN_TABLES.values()
            )


VISIBLE = "(? IS NULL OR {t}.owner = ? OR {t}.visibility = 'shared')"
"""Who sees a saved item: everyone when it is shared, else its owner (and the installation's operator)."""
VISIBILITIES = ("private", "shared")


_LOCKED = ("locked", "busy")
_DAMAGED = ("not a database", "malformed", "corrupt")


def _use_wal(connection: sqlite3.Connection, wait: float) -> None:
    """Put the store in WAL mode, trying again for up to `wait` seconds: the switch takes an exclusive lock and
    SQLite does not run the busy handler for it, so two programs opening a new store at once would otherwise
    see "database is locked" at once. WAL is a property of the file: once set, this only reads it."""
    deadline = time.monotonic() + wait
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode=WAL")  # where WAL is not possible the file keeps its mode
            return
        except sqlite3.OperationalError as error:
            if not any(word in str(error).lower() for word in _LOCKED) or time.monotonic() > deadline:
                raise
        time.sleep(0.01)


def _problem(path: Path, error: Exception) -> Problem:
    """What SQLite's error means for the user: another program holds the store, the file is damaged, or it
    cannot be opened at all (a folder without write permission, say); each says what to do."""
    text = str(error)
    if any(word in text.lower() for word in _LOCKED):
        key = "store_locked"
    elif any(word in text.lower() for word in _DAMAGED):
        key = "store_damaged"
    else:
        key = "store_unavailable"
    return Problem(key, {"path": str(path), "error": text})


def _viewer(viewer: str | None) -> tuple:
    return (viewer, viewer)


def _visibility(value: str) -> str:
    if value not in VISIBILITIES:
        raise UsageError(Problem("store_visibility", {"value": value, "known": ", ".join(VISIBILITIES)}))
    return value


def _owned(row: tuple | None, by: str | None, name: str) -> None:
    """Refuse a change to a saved item (`row` ends with its owner) by anyone but its owner; `by` None is the
    installation's operator (the command line), who may change anything."""
    if row is not None and by is not None and row[-1] != by:
        raise UsageError(Problem("store_not_owner", {"name": name}))


def _rename(connection: sqlite3.Connection, table: str, children, old: str, new: str) -> None:
    """Rename a saved item and every row that refers to it, in the caller's transaction (foreign keys are
    checked at its commit, when both sides agree again)."""
    connection.execute("PRAGMA defer_foreign_keys = ON")
    connection.execute(f"UPDATE {table} SET name = ? WHERE name = ?", (new, old))
    for child, column in children:
        connection.execute(f"UPDATE {child} SET {column} = ? WHERE {column} = ?", (new, old))


def _to_bin(connection: sqlite3.Connection, kind: str, name: str, when: str) -> bool:
    """Move a live item to the bin under a name of its own (`NAME~when`); False when there is none."""
    table, children = BIN_TABLES[kind]
    if connection.execute(f"SELECT 1 FROM {table} WHERE name = ? AND deleted IS NULL", (name,)).fetchone() is None:
        return False
    bin_id, n = f"{name}~{when}", 1
    while connection.execute(f"SELECT 1 FROM {table} WHERE name = ?", (bin_id,)).fetchone():
        n += 1
        bin_id = f"{name}~{when}~{n}"
    _rename(connection, table, children, name, bin_id)
    connection.execute(f"UPDATE {table} SET deleted = ?, original = ? WHERE name = ?", (when, name, bin_id))
    return True


def _checked_texts(texts: list[tuple[str, object]]) -> None:
    """Nothing is saved with a control character or an over-long name in it: refused with the first reason."""
    for what, text in texts:
        if problem := text_problem("" if text is None else text, what):
            raise UsageError(problem)


def _real(value: object) -> float | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else float(number)


# --- export and import ------------------------------------------------------------------------------


def layer_json(layer: Layer) -> str:
    """A layer as the JSON that `scales scenario import` and the Scenario's page read back."""
    document = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "name": layer.meta.name_nl,
        "kind": "custom" if layer.meta.kind == "custom" else "scenario",
        "parent": layer.meta.parent,
        "source": layer.meta.source,
        "units": layer.units[["unit_id", "name"]].to_dict("records"),
        "membership": layer.membership[["nis", "unit_id", "share", "share_inhabitants", "share_basis"]].to_dict(
            "records"
        ),
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def layer_csv_table(layer: Layer) -> pd.DataFrame:
    """A layer as the CSV table `nis, unit_id, unit_name, share, share_inhabitants` that imports back."""
    table = layer.membership.merge(layer.units[["unit_id", "name"]], on="unit_id", how="left")
    table = table.rename(columns={"name": "unit_name"})
    return table[["nis", "unit_id", "unit_name", "share", "share_inhabitants"]].sort_values(["nis", "unit_id"])
