"""The test harness's own rule: a missing oracle is a skip on a developer machine, never in CI."""

from __future__ import annotations

import support


def test_missing_oracle_skips_outside_ci(monkeypatch):
    monkeypatch.setattr(support, "IN_CI", False)
    mark = support.needs(False, "a tool")
    assert mark.args[0] is True and "a tool not installed" in mark.kwargs["reason"]


def test_missing_oracle_fails_instead_of_skipping_in_ci(monkeypatch):
    monkeypatch.setattr(support, "IN_CI", True)
    assert support.needs(False, "a tool").args[0] is False


def test_present_oracle_never_skips():
    assert support.needs(True, "a tool").args[0] is False
