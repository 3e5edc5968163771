from sciplain.cli import cli

cli()
