"""`python -m store init|load|demo|rollback|batches|boundaries|users|access|criteria`: the store's command line (SPEC §5)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from store.db import connect, db_path, init
from store.messages import message

MAX_PRINTED = 5000


def cmd_init(args: argparse.Namespace) -> int:
    from store.accounts import ensure_first_admin, write_first_password
    from store.towns import TownRefused

    try:
        con, applied, added = init(args.db, Path(args.town) if args.town else None)
    except TownRefused as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return 1
    password = ensure_first_admin(con)
    con.close()
    print(f"database {args.db}: migrations applied {applied or 'none (up to date)'}; reference rows added {sum(added.values())}")
    if password:
        # Shown on a terminal, once; never written to a log: elsewhere it goes to a file only the owner can read.
        if sys.stdout.isatty():
            print(f"account 'admin' created with one-time password: {password}  (sign in and change it; it is not shown again)")
        else:
            print(f"account 'admin' created; its one-time password is in {write_first_password(args.db, password)} (mode 0600)")
    return 0


def cmd_users(args: argparse.Namespace) -> int:
    from store import accounts

    if args.action == "unblock":  # works while the app holds the database: the app reads the request
        from store.sessions import request_unblock

        request_unblock(args.db, args.username, args.client)
        print(message("unblock_requested", "en", value=args.username or args.client or message("unblock_everything", "en")))
        return 0
    con, _, _ = init(args.db)
    try:
        if args.action == "list":
            for name, role, active, must_change, _created_at, _created_by in accounts.users(con):
                print(f"{name:<20} {role:<10} {'active' if active else 'inactive':<9} {'must change password' if must_change else ''}")
        elif args.action == "add":
            print(f"one-time password for {args.username}: {accounts.add_user(con, args.username, args.role, args.by)}")
        else:
            print(f"new one-time password for {args.username}: {accounts.reset_password(con, args.username)}")
    except accounts.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


def cmd_access(args: argparse.Namespace) -> int:
    from store.accounts import public_read, set_public_read

    con, _, _ = init(args.db)
    if args.public_read is not None:
        set_public_read(con, args.public_read == "on", args.by)
    print(f"reading without sign-in: {'on' if public_read(con) else 'off'}")
    con.close()
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from store.load import load_file

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    con, _, _ = init(args.db)
    report = load_file(con, args.table, path, args.user)
    con.close()
    if not report.ok:
        print(message("cli_not_loaded", args.lang, value=path.name, column=args.table, limit=len(report.problems)), file=sys.stderr)
        for p in report.problems[:MAX_PRINTED]:
            where = message("cli_row", args.lang, row=p.row) if p.row else message("cli_file", args.lang)
            if p.column:
                where += ", " + message("cli_column", args.lang, column=p.column)
            print(f"  {where}: {p.text(args.lang)} [{p.rule}]", file=sys.stderr)
        if len(report.problems) > MAX_PRINTED:
            print("  " + message("cli_more", args.lang, limit=len(report.problems) - MAX_PRINTED), file=sys.stderr)
        return 1
    be = f"; {report.be_conversions} Buddhist-era year(s) converted to CE ({report.be_columns})" if report.be_conversions else ""
    print(
        f"batch {report.batch_id}: {path.name} -> {args.table}: {report.rows} rows "
        f"({report.inserted} inserted, {report.replaced} replaced); encoding {report.encoding}{be}; sha256 {report.sha256}"
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from store.demo import DemoRefused, load_demo

    con, _, _ = init(args.db)
    try:
        reports = load_demo(con, force=args.force)
    except DemoRefused as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return 1
    finally:
        con.close()
    for r in reports:
        print(f"batch {r.batch_id}: demo {r.table}: {r.rows} rows ({r.inserted} inserted, {r.replaced} replaced)")
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from store.load import RollbackRefused, rollback

    con, _, _ = init(args.db)
    try:
        result = rollback(con, args.batch, args.user)
    except RollbackRefused as exc:
        print(f"error: {exc.text(args.lang)}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(f"batch {args.batch} rolled back: {result['deleted']} inserted row(s) deleted, {result['restored']} replaced row(s) restored")
    return 0


def cmd_batches(args: argparse.Namespace) -> int:
    con = connect(args.db, read_only=True)
    with con.cursor() as cur:
        print(cur.execute("select * from batches order by batch_id").df().to_string(index=False))
    con.close()
    return 0


def cmd_boundaries(args: argparse.Namespace) -> int:
    from store.geo import BoundaryError, download_boundaries, load_boundaries

    con, _, _ = init(args.db)
    try:
        n = download_boundaries(con) if args.download else load_boundaries(con, Path(args.file))
    except BoundaryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    print(f"boundaries loaded: {n} subdistrict polygon(s)")
    return 0


def cmd_criteria(args: argparse.Namespace) -> int:
    """Criteria versions: list and export read (also while the app runs); import and apply write, all or nothing."""
    from store import criteria
    from store.db import open_read_only

    try:
        if args.action in ("list", "export"):
            con = open_read_only(args.db)
            with con.cursor() as cur:
                if args.action == "list":
                    print(f"{'version':<24} {'indicators':>10}  {'imported by':<16} {'imported at':<16}  applies to")
                    for version, n, by, at, years in criteria.listing(cur):
                        print(f"{version:<24} {n:>10}  {by:<16} {at:<16}  {years}")
                else:
                    data = criteria.export_version(cur, args.version)
                    Path(args.out).write_bytes(data)
                    rows = data.count(b"\n") - 1
                    print(f"{args.out}: criteria version {args.version}, {rows} indicators")
            con.close()
            return 0
        con, _, _ = init(args.db)
        try:
            if args.action == "import":
                path = Path(args.file)
                if not path.is_file():
                    print(f"error: no such file: {path}", file=sys.stderr)
                    return 2
                n = criteria.import_version(con, args.version, path.read_bytes(), path.name, args.by)
                print(
                    f"criteria version {args.version}: {n} indicators imported from {path.name}; apply it with: criteria apply --version {args.version} --from-year YEAR"
                )
            else:
                year = criteria.apply_version(con, args.version, args.from_year, args.by)
                print(f"criteria version {args.version} applies from {year} (BE {year + 543}) until a later version's year")
        finally:
            con.close()
    except criteria.CriteriaRefused as exc:
        print(message("criteria_refused", args.lang, value=getattr(args, "version", "") or ""), file=sys.stderr)
        for problem in exc.problems[:MAX_PRINTED]:
            print(f"  {problem.text(args.lang)} [{problem.rule}]", file=sys.stderr)
        return 1
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """A consistent single-file copy, also while the app holds the database (store/backup.py)."""
    from store.backup import BackupError, backup

    try:
        info = backup(args.db, args.out, force=args.force)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    print(info.to_json() if args.json else f"backup written: {info.summary()}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Put a backup in place of the database; refused while the app holds it."""
    from store.backup import BackupError, restore

    try:
        result = restore(args.db, args.source)
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    print(f"restored: {result.restored.summary()}")
    if result.kept:
        print(f"the replaced database is kept as {result.kept}")
    print(f"{result.sessions_ended} session(s) held in the backup ended: everyone signs in again. Start the app.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m store", description="Saraburi eco-industrial town data store")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db", default=str(db_path()), help="DuckDB file (default $EIT_DB or data/eit.duckdb)")
        return p

    p = add("init", "create or migrate the schema and set the town; idempotent")
    p.add_argument("--town", help="the town's file (default data/towns/saraburi.toml on a new database)")
    p.add_argument("--lang", choices=["en", "th"], default="en")
    p.set_defaults(func=cmd_init)
    p = add("load", "validate and load one CSV file as one batch")
    p.add_argument("--table", required=True)
    p.add_argument("--user", default=None, help="who loads (default: the OS user)")
    p.add_argument("--lang", choices=["en", "th"], default="en", help="language of the problem report")
    p.add_argument("file")
    p.set_defaults(func=cmd_load)
    p = add("demo", "load the bundled synthetic demo data set")
    p.add_argument("--force", action="store_true", help="load it even over real batches or checklist edits")
    p.add_argument("--lang", choices=["en", "th"], default="en")
    p.set_defaults(func=cmd_demo)
    p = add("rollback", "undo one batch")
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--user", default=None)
    p.add_argument("--lang", choices=["en", "th"], default="en")
    p.set_defaults(func=cmd_rollback)
    add("batches", "list the batch log").set_defaults(func=cmd_batches)
    p = add("boundaries", "load subdistrict boundaries")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--file", help="GeoJSON or zipped shapefile")
    group.add_argument("--download", action="store_true", help="download the official OCHA COD-AB file")
    p.set_defaults(func=cmd_boundaries)

    p = add("users", "list accounts, add one, issue a new one-time password, or lift sign-in waits (unblock)")
    p.add_argument("action", choices=["list", "add", "reset-password", "unblock"])
    p.add_argument("--username")
    p.add_argument("--client", help="unblock: the client address to lift (without --username or --client: every block)")
    p.add_argument("--role", choices=["committee", "analyst", "admin"], default="committee")
    p.add_argument("--by", default="command line")
    p.set_defaults(func=cmd_users)
    p = add("access", "show or set whether the dashboard may be read without sign-in")
    p.add_argument("--public-read", choices=["on", "off"])
    p.add_argument("--by", default="command line")
    p.set_defaults(func=cmd_access)

    p = sub.add_parser("criteria", help="criteria versions: list, export, import a file, apply a version from a year")
    actions = p.add_subparsers(dest="action", required=True)
    for action, help_text in (
        ("list", "every version, who imported it and the years it applies to"),
        ("export", "write a version as the CSV that import takes back"),
        ("import", "store a criteria CSV as a version (all or nothing)"),
        ("apply", "make a version apply from a year on"),
    ):
        a = actions.add_parser(action, help=help_text)
        a.add_argument("--db", default=str(db_path()), help="DuckDB file (default $EIT_DB or data/eit.duckdb)")
        a.add_argument("--lang", choices=["en", "th"], default="en", help="language of problem reports")
        a.add_argument("--by", default="command line")
        if action != "list":
            a.add_argument("--version", required=True, help="the version's name, e.g. diw-2565")
        if action == "export":
            a.add_argument("--out", required=True, help="the CSV file to write")
        if action == "import":
            a.add_argument("file", help="the criteria CSV file")
        if action == "apply":
            a.add_argument("--from-year", required=True, help="the first year it applies to (CE, or BE >= 2400)")
        a.set_defaults(func=cmd_criteria)

    p = add("backup", "write a consistent single-file copy of the database; works while the app runs")
    p.add_argument("--out", required=True, help="the backup file to write (mode 0600)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument("--json", action="store_true", help="print what was written as one JSON object")
    p.set_defaults(func=cmd_backup)
    p = add("restore", "replace the database by a backup (stop the app first); the old file is kept beside it")
    p.add_argument("--from", dest="source", required=True, help="the backup file")
    p.set_defaults(func=cmd_restore)

    args = parser.parse_args(argv)
    if args.command == "users" and args.action not in ("list", "unblock") and not args.username:
        parser.error("users add / reset-password need --username")
    try:
        return int(args.func(args))
    except duckdb.IOException as exc:
        # Another process (usually the running app) holds the file; DuckDB allows one writer process.
        print(
            f"error: cannot open {args.db}: {str(exc).splitlines()[0]}\nStop the app (or other process) using it and try again.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
