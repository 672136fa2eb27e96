"""Fetch a page over HTTP(S): a timeout, a size limit, no other schemes, and errors a maintainer can act on."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from digest.ingest.model import IngestError

TIMEOUT_SECONDS = 20.0
"""Give up on a server that does not answer within this many seconds."""
USER_AGENT = "digest-ingest/0.1 (news digest importer)"
"""Names us honestly to the server."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as the server sent it."""

    content: bytes
    """Response body (at most the size limit)."""
    content_type: str
    """Media type without parameters, lower-case ("text/html")."""
    charset: str | None
    """Charset the server declared, if any."""
    final_url: str
    """Address after redirects."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only: a page must not send us to ftp:// or file://."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not newurl.lower().startswith(("http://", "https://")):
            raise IngestError(f"{req.full_url}: redirected to {newurl!r}, which is not an http(s) address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """Download `url`; raise IngestError naming the URL on any failure."""
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9"})
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise IngestError(f"{url}: the page is {int(declared) / 1e6:.1f} MB, over the "
                                  f"{max_bytes / 1e6:.0f} MB limit; save the article text to a file instead")
            content = response.read(max_bytes + 1)
            if len(content) > max_bytes:
                raise IngestError(f"{url}: the page is larger than the {max_bytes / 1e6:.0f} MB limit; "
                                  "save the article text to a file instead")
            content_type = response.headers.get_content_type().lower()
            return Fetched(content, content_type, response.headers.get_content_charset(), response.geturl())
    except urllib.error.HTTPError as error:
        raise IngestError(f"{url}: the server answered HTTP {error.code} {error.reason}; check the address, "
                          "or save the page from a browser and import the file") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise IngestError(f"{url}: no answer within {timeout:.0f} seconds; "
                              "try again or import a saved copy") from None
        raise IngestError(f"{url}: could not connect ({reason}); check the address and your connection") from None
    except TimeoutError:
        raise IngestError(f"{url}: no answer within {timeout:.0f} seconds; try again or import a saved copy") from None
    except (ValueError, OSError) as error:
        raise IngestError(f"{url}: could not fetch the page ({error})") from None
