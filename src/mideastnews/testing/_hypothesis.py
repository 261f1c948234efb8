"""Hooks hypothesis calls through its ``hypothesis`` entry point."""

from __future__ import annotations

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register mideastnews' strategies for its types with hypothesis."""
