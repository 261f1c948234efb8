"""Test kit for plugin authors: hypothesis strategies and a parser contract.

(Skeleton: the docs-and-test-kit issue fills this in.)
"""

from __future__ import annotations

__all__: list[str] = []
