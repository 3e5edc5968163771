"""Every command explains itself and is documented in the README (sqlite-utils' test_docs pattern)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from sciplain.cli import cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented_in_readme(name):
    assert f"`sciplain {name}" in README, f"sciplain {name} is missing from the README"


def test_readme_starts_with_two_commands():
    block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]
