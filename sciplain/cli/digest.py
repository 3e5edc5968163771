"""Digest command: send this week's email of new summaries to confirmed subscribers."""

from __future__ import annotations

import click

from . import cli, data_dir_option, echo_result, json_option


@cli.command()
@click.option("--dry-run", is_flag=True, help="Count who would get a digest; send nothing.")
@json_option
@data_dir_option
def digest(dry_run, as_json):
    """Send the weekly digest of newly published summaries to confirmed subscribers.

    Safe to run again in the same week: nobody gets the same digest twice, and a run
    that was interrupted sends only what it had not sent. Schedule it weekly
    (SCIPLAIN_DIGEST_WEEKDAY) with cron or a systemd timer.

    Example:

        sciplain digest --dry-run && sciplain digest
    """
    from sciplain.subscriptions.services import digests_send_all

    result = digests_send_all(dry_run=dry_run)
    if dry_run:
        line = f"Would send {result['sent']} digests, skip {result['skipped']} (dry run)"
    else:
        line = f"Sent {result['sent']} digests, skipped {result['skipped']}"
    if result["failed"]:
        line += f", failed {result['failed']}"
    echo_result(result, line, as_json)
    if result["failed"]:
        raise click.ClickException(f"{result['failed']} digests could not be sent; run again to retry them")
