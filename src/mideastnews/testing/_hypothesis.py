"""Hooks hypothesis calls through its ``hypothesis`` entry point."""

from __future__ import annotations

import sys
import warnings

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    """Register mideastnews' strategies for its types with hypothesis.

    Hypothesis calls this when it is imported.  A failure here must never
    break hypothesis itself (and so every test suite of the environment):
    it becomes a warning.
    """
    pending = sys.modules.get("mideastnews.testing.strategies")
    if pending is not None and not hasattr(pending, "register_strategies"):
        # Importing the strategies imported hypothesis: the module registers
        # them itself when its import finishes.
        return
    try:
        from .strategies import register_strategies

        register_strategies()
    except Exception as exc:  # any fault: warn, never break hypothesis
        warnings.warn(f"mideastnews could not register its hypothesis strategies: "
                      f"{type(exc).__name__}: {exc}", stacklevel=2)
