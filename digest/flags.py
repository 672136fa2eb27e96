"""Warnings attached to an article, with the plain words a reader sees on its source card."""

from __future__ import annotations

FLAGS: dict[str, str] = {
    "syndicated": "Largely copies another article in this topic; it is counted once with it.",
    "date_anomaly": "The date printed on the page contradicts the dates in the story itself.",
    "loaded_language": "Uses opinion or loaded words outside quotes.",
    "no_date": "The page does not say when it was published.",
    "no_url": "No link to the original page was recorded.",
    "no_outlet": "The page does not name the outlet that published it.",
}
"""Every flag an article can carry, and what it means for a reader."""

RECORDED_FLAGS = ("syndicated", "date_anomaly")
"""Flags that import records in front matter: they need the raw page or the other articles to decide.
The others follow from the front matter itself, so the analysis works them out and they never go stale."""
