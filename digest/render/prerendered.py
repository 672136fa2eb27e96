"""A Python-Markdown extension that passes the digest pages' HTML blocks through without parsing them.

The generated pages are Markdown headings (for the table of contents) between large HTML blocks
that the templates rendered and escaped. Python-Markdown finds the end of a raw HTML block by
parsing every tag in it, which costs more than the rest of the page's conversion together. A page
that opens with `MARK` promises that every paragraph (text between blank lines) beginning with `<`
is one complete HTML block; this extension stores each such block in Python-Markdown's own HTML
stash, as Python-Markdown would after parsing it, and the page converts to the same HTML. Pages
without the mark, and pages where another plugin has put text before it, are converted as usual.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

MARK = "<!-- digest: prerendered HTML blocks -->"
"""First line of a page whose HTML blocks are complete and need no parsing."""


class _PassThrough(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not lines or lines[0] != MARK:
            return lines
        chunks = "\n".join(lines[1:]).lstrip("\n").split("\n\n")
        for index, chunk in enumerate(chunks):
            if chunk.startswith("<"):
                chunks[index] = self.md.htmlStash.store(chunk + "\n")
        return "\n\n".join(chunks).split("\n")


class PrerenderedHtml(Extension):
    """Registers the pass-through ahead of Python-Markdown's raw HTML parser (`html_block`, priority 20)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_PassThrough(md), "digest_prerendered", 25)
