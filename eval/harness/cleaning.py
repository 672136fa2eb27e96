"""Cleaning: `digest clean` on real pages, as saved HTML and as their visible text pasted as plain text.

For each page of `dev/cleaning` (Dragnet's news and blog pages, the article-extraction benchmark's news pages) we
score, by token F1 of the article body against the gold text: the visible text uncleaned, `digest clean` on that
text, `digest clean` on the HTML, and trafilatura's own extraction of the same HTML (default settings). A method that
raises or finds nothing scores 0 on that page and counts as a failure. Figures are means over pages.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from harness.data import Collected, Section, dev_dir
from harness.metrics import PRF, mean, token_prf

METHODS = ("visible", "text", "html", "trafilatura")
"""visible: the page's text uncleaned; text: `digest clean` on it; html: `digest clean` on the page; trafilatura."""
FIGURE_PREFIX = {"html": "cleaning.{corpus}.html", "text": "cleaning.{corpus}.text",
                 "trafilatura": "baseline.trafilatura.cleaning.{corpus}",
                 "visible": "baseline.uncleaned.cleaning.{corpus}"}
_COMMENTS = "!@#$%^&*() COMMENTS"


@dataclass(frozen=True, slots=True)
class CleaningPage:
    corpus: str
    key: str
    html: Path
    gold: str


def pages(limit: int | None = None) -> list[CleaningPage]:
    """Every development page with its gold text (or the first `limit` of each corpus, by name)."""
    root = dev_dir() / "cleaning"
    found = []
    for path in sorted((root / "dragnet" / "input").glob("*.html"))[:limit]:
        gold_path = root / "dragnet" / "GoldStandard" / f"{path.stem}.txt"
        if gold_path.exists():
            gold = gold_path.read_text(encoding="utf-8", errors="replace").split(_COMMENTS, 1)[0]
            found.append(CleaningPage("dragnet", path.stem, path, gold))
    truth = json.loads((root / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth)[:limit]:
        path = root / "aeb" / "html" / f"{key}.html.gz"
        if path.exists():
            found.append(CleaningPage("aeb", key, path, truth[key]["articleBody"]))
    return found


def visible_text(html: bytes) -> str:
    """The page's text as a browser shows it, one block per line: what a maintainer copies from the page."""
    from inscriptis import get_text
    from trafilatura.utils import decode_file

    lines = (line.strip() for line in get_text(decode_file(html)).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def _digest_clean(path: Path) -> str:
    """The body `digest clean` prints for a file (front matter aside); '' when it refuses the page."""
    from digest.ingest import IngestError, clean_source

    try:
        return clean_source(str(path)).body
    except IngestError:
        return ""


def score_page(page: CleaningPage) -> dict[str, tuple[float, float, float]]:
    """Precision, recall and F1 of every method on one page."""
    import trafilatura

    raw = page.html.read_bytes()
    if page.html.suffix == ".gz":
        raw = gzip.decompress(raw)
    visible = visible_text(raw)
    with tempfile.TemporaryDirectory(prefix="digest-eval-") as folder:
        html_file = Path(folder) / f"{page.key}.html"
        html_file.write_bytes(raw)
        text_file = Path(folder) / f"{page.key}.txt"
        text_file.write_text(visible, encoding="utf-8")
        outputs = {
            "visible": visible,
            "text": _digest_clean(text_file),
            "html": _digest_clean(html_file),
            "trafilatura": trafilatura.extract(raw) or "",
        }
    scored = {}
    for method, output in outputs.items():
        prf = token_prf(output, page.gold) if output.strip() else PRF(0.0, 0.0, 0.0)
        scored[method] = (prf.precision, prf.recall, prf.f1)
    return scored


def section(limit: int | None = None) -> Section:
    return Section("cleaning", score_page, pages(limit), _collect)


def _collect(todo: list[CleaningPage], results: list[dict[str, tuple[float, float, float]]]) -> Collected:
    """Figures `cleaning.<corpus>.<html|text>.<f1|precision|recall|failures>` for `digest clean`, the baselines'
    as `baseline.<trafilatura|uncleaned>.cleaning.<corpus>.*`, and `cleaning.<corpus>.pages`."""
    figures: dict[str, float | str] = {}
    for corpus in ("dragnet", "aeb"):
        scored = [result for page, result in zip(todo, results, strict=True) if page.corpus == corpus]
        figures[f"cleaning.{corpus}.pages"] = len(scored)
        for method, prefix in FIGURE_PREFIX.items():
            name = prefix.format(corpus=corpus)
            figures[f"{name}.f1"] = mean(result[method][2] for result in scored)
            figures[f"{name}.precision"] = mean(result[method][0] for result in scored)
            figures[f"{name}.recall"] = mean(result[method][1] for result in scored)
            figures[f"{name}.failures"] = sum(1 for result in scored if result[method][2] == 0.0)
    worst = sorted(zip(todo, results, strict=True), key=lambda item: item[1]["html"][2] - item[1]["trafilatura"][2])
    notes = [f"{page.corpus}/{page.key}: digest clean on the HTML {result['html'][2]:.3f}, "
             f"trafilatura {result['trafilatura'][2]:.3f}" for page, result in worst[:5]
             if result["html"][2] < result["trafilatura"][2]]
    return Collected(figures, notes)
