"""Read what a maintainer passes to `digest clean`/`digest import`: a text file, an HTML file or a URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from digest.content import MAX_ARTICLE_BYTES
from digest.ingest import fetch
from digest.ingest.model import IngestError

MAX_SOURCE_BYTES = 10_000_000
"""Larger inputs are refused: a saved news page, scripts included, is far smaller."""
MAX_TEXT_BYTES = MAX_ARTICLE_BYTES
"""Pasted text is the article plus some furniture: no larger than an article file may be."""
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Page:
    """A source read into memory, not yet cleaned."""

    source: str
    """The path or URL as given."""
    name: str
    """What the front matter records as `source`: the file name or the URL."""
    text: str
    """The decoded page (LF line ends, no BOM)."""
    html: bool
    """True for HTML, False for plain text."""
    url: str | None = None
    """The address the page was fetched from."""


def is_url(source: str) -> bool:
    """True for http(s) addresses."""
    return bool(re.match(r"^https?://", source, re.I))


def read_source(source: str) -> Page:
    """Read a file or fetch a URL; raise IngestError naming the source and saying what to do."""
    if is_url(source):
        fetched = fetch.fetch(source, MAX_SOURCE_BYTES)
        if fetched.content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
            raise IngestError(f"{source}: the server sent {fetched.content_type!r}, not a web page or text; "
                              "import the article's HTML page or its text instead")
        html = fetched.content_type != "text/plain" or _looks_like_html(fetched.content)
        if not html and len(fetched.content) > MAX_TEXT_BYTES:
            raise IngestError(f"{source}: the text is larger than the {MAX_TEXT_BYTES / 1e6:.0f} MB article limit")
        text = _decode(fetched.content, source, html=html, charset=fetched.charset)
        return Page(source=source, name=source, text=text, html=html, url=source)
    path = Path(source)
    if path.is_dir():
        raise IngestError(f"{source}: is a folder; pass the files inside it (e.g. {source.rstrip('/')}/*.txt)")
    if not path.is_file():
        raise IngestError(f"{source}: no such file; check the path")
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise IngestError(f"{source}: the file is {size / 1e6:.1f} MB, over the {MAX_SOURCE_BYTES / 1e6:.0f} MB "
                          "limit; save only the article's text or page")
    try:
        content = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{source}: cannot read the file ({error.strerror})") from None
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = _decode(content, source, html=False).encode("utf-8")
    html = _looks_like_html(content)
    if not html and size > MAX_TEXT_BYTES:
        raise IngestError(f"{source}: {size / 1e6:.1f} MB of plain text is more than one article "
                          f"(limit {MAX_TEXT_BYTES / 1e6:.0f} MB); save only the article's text")
    return Page(source=source, name=path.name, text=_decode(content, source, html=html), html=html)


def _looks_like_html(content: bytes) -> bool:
    head = content[:4096].removeprefix(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or (b"<p>" in head.lower() and b"</p>" in head.lower())


def _decode(content: bytes, source: str, *, html: bool, charset: str | None = None) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            content = content.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise IngestError(f"{source}: not valid UTF-16 text; re-save the file as UTF-8") from None
    if not content.strip():
        raise IngestError(f"{source}: the file is empty; paste the article's text or save its page")
    sample = content[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    if b"\x00" in sample or controls > len(sample) // 100:
        raise IngestError(f"{source}: this looks like a binary file, not text or HTML; "
                          "import the article's text or saved web page")
    content = content.removeprefix(b"\xef\xbb\xbf")
    try:
        text = content.decode(charset or "utf-8") if html else content.decode("utf-8")
    except (UnicodeDecodeError, LookupError) as error:
        if html:
            from trafilatura.utils import decode_file  # only HTML pages pay for importing trafilatura

            text = decode_file(content)
        else:
            position = getattr(error, "start", 0)
            line = content[:position].count(b"\n") + 1
            raise IngestError(f"{source}:{line}: not valid UTF-8 text; re-save the file as UTF-8") from None
    if "\x00" in text:
        raise IngestError(f"{source}: this looks like a binary file, not text or HTML")
    return text.replace("\r\n", "\n").replace("\r", "\n")
