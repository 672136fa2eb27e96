"""Shared test setup: every digest JSON the suite produces is validated against the published schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import digest.export

VALIDATED: list[str] = []
"""Slugs of the digests validated so far in this session (tests/test_digest_json.py checks it grows)."""


@pytest.fixture(autouse=True, scope="session")
def _every_digest_json_is_valid() -> Iterator[None]:
    """`digest.export.to_dict` (behind `to_json`, `digest analyse` and every built `digest.json`) validates what it
    returns, so a test that makes a digest the schema does not allow fails there. Worker processes of parallel
    builds are not covered; tests/test_site_build.py holds their output byte-identical to an in-process build."""
    unchecked = digest.export.to_dict

    def to_dict(*args: Any, **kwargs: Any) -> dict[str, Any]:
        data = unchecked(*args, **kwargs)
        digest.export.validate(data)
        VALIDATED.append(data["topic"]["slug"])
        return data

    digest.export.to_dict = to_dict  # type: ignore[assignment]
    try:
        yield
    finally:
        digest.export.to_dict = unchecked  # type: ignore[assignment]
