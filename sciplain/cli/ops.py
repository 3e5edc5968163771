"""Operator commands: back up and restore the database."""

from __future__ import annotations

import click

from . import cli, data_dir_option, echo_result, json_option


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@data_dir_option
@json_option
def backup(path, as_json):
    """Copy the database to PATH while the site keeps running.

    SQLite uses the online backup API; PostgreSQL uses pg_dump. Without PATH the
    copy goes to <data dir>/backups/ with the date and time in its name.

    Example:

        sciplain backup /srv/backups/sciplain-$(date +%F).sqlite3
    """
    from sciplain.ops import BackupError, database_backup

    try:
        result = database_backup(path=path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    echo_result(result, f"Backed up the {result['database']} database to {result['path']} "
                        f"({result['bytes']:,} bytes)", as_json)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@data_dir_option
@json_option
def restore(path, yes, as_json):
    """Replace everything in the database with the backup at PATH.

    Stop the workers first; the web server may keep running.

    Example:

        sciplain restore sciplain-data/backups/sciplain-20250101-060000.sqlite3 --yes
    """
    from sciplain.ops import BackupError, database_restore

    if not yes:
        click.confirm(f"Replace everything in the database with {path}?", abort=True)
    try:
        result = database_restore(path=path)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from None
    echo_result(result, f"Restored the {result['database']} database from {result['path']}", as_json)
