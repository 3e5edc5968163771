"""Every product knob is documented, and knobs are read from the environment."""

from pathlib import Path

import pytest

from sciplain import conf

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


@pytest.mark.parametrize("setting", conf.SETTINGS, ids=lambda s: s.name)
def test_setting_is_documented_in_readme(setting):
    assert f"`{setting.env}`" in README


@pytest.mark.parametrize("raw, expected", [("25", 25), ("7", 7)])
def test_conf_get_coerces_to_the_default_type(monkeypatch, raw, expected):
    monkeypatch.setenv("SCIPLAIN_PAGE_SIZE", raw)
    assert conf.get("PAGE_SIZE") == expected


def test_conf_get_reads_booleans(monkeypatch):
    monkeypatch.setenv("SCIPLAIN_AUTO_PUBLISH", "yes")
    assert conf.get("AUTO_PUBLISH") is True
