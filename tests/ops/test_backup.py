"""Backup and restore round trip: every row of every table comes back exactly."""

import pytest
from click.testing import CliRunner
from django.db import connection

from sciplain.ops import BackupError, database_backup, database_restore
from sciplain.papers.models import Category, Paper, Summary
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, sorted, as plain values."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return rows


def _content(editor):
    for _ in range(3):
        factories.published_paper()
    waiting = factories.paper(title="A paper waiting for review")
    from sciplain.review.services import summary_edit, summary_save

    first = summary_save(paper=waiting, data=factories.summary_data())
    summary_edit(paper=waiting, data=first.data.model_copy(update={"simple_explanation": "Edited."}),
                 editor=editor, status=Summary.Status.NEEDS_REVIEW, note="clearer")


def test_backup_and_restore_round_trip_every_row(tmp_path, editor):
    _content(editor)
    before = snapshot()
    assert sum(len(r) for r in before.values()) > 20
    result = database_backup(path=tmp_path / "backup.db")
    assert result["bytes"] > 0

    Paper.objects.all().delete()  # lose data, and add some that the backup does not hold
    Category.objects.create(name="Not in the backup", slug="not-in-backup")
    assert snapshot() != before

    database_restore(path=tmp_path / "backup.db")
    assert snapshot() == before


def test_backup_cli_writes_to_the_data_dir_by_default(tmp_path, monkeypatch, settings):
    from sciplain.cli import ops as cli_ops

    settings.DATA_DIR = tmp_path
    monkeypatch.setattr("sciplain.cli.django_setup", lambda *a, **k: None)
    factories.published_paper()
    result = CliRunner().invoke(cli_ops.backup, ["--json"])
    assert result.exit_code == 0, result.output
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and backups[0].stat().st_size > 0


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database " * 100)
    with pytest.raises(BackupError):
        database_restore(path=bogus)


def test_backup_to_a_folder_that_cannot_be_made_is_one_line(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    with pytest.raises(BackupError, match="^cannot write a backup to .*a-file/sub"):
        database_backup(path=blocker / "sub" / "backup.sqlite3")
