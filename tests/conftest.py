"""Shared pytest configuration: the ``--regen-golden`` flag."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite the expected JSON of the golden tests (tests/golden/) from the current output; "
        "review the diff by eye before committing",
    )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Whether the golden tests should rewrite their expected files."""
    return bool(request.config.getoption("--regen-golden"))
