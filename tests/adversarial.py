"""Article bodies made to find work that grows faster than the text: each repeats one pattern that a sentence
splitter, a date or quantity reader, an attribution reader or the Markdown parser might rescan at every match.

`SPLITTING` and `ANALYSIS` name the patterns; `body(kind, size)` repeats one up to `size` characters, and
`adversarial_body(size)` mixes the four the issue names (a long "word", repeated abbreviations, nested
brackets, long runs of punctuation) with the rest. Shared by tests/test_hostile.py and bench/hostile.py.
"""

from __future__ import annotations

SPLITTING = {
    "long-word": "a",
    "abbreviations": "Mr. ",
    "initialisms": "U.S. ",
    "nested-brackets": "[",
    "nested-parentheses": "(",
    "full-stops": ".",
    "mixed-marks": "!?.",
    "ellipses": "\u2026",
    "closing-quotes": ".\u201d",
    "emphasis": "*a ",
    "underscores": "_a ",
    "backticks": "`a ",
    "links": "[a](",
    "entities": "&a ",
    "escapes": "\\",
}
"""Patterns for the sentence splitter and the Markdown reader: each body is one paragraph."""

ANALYSIS = {
    "reported-speech": "he said that she denied it, ",
    "according-to": "according to officials ",
    "dates": "on January 5, 2024 the 3,000 troops ",
    "years": "in 2099 and ",
    "relative-dates": "three days ago ",
    "weekdays": "on Monday ",
    "figures": "1,000 troops in Syria ",
    "money": "$1 million ",
    "stances": "the minister condemned the strike and supported the ban, ",
    "verdicts": "the ban was illegal and ",
    "denied-claims": "officials claimed it, a claim the ministry denied that ",
}
"""Patterns for the analysis: each body is one sentence that never ends, full of what the readers look for."""


def body(kind: str, size: int) -> str:
    """One pattern of `SPLITTING` or `ANALYSIS` repeated to `size` characters ("long-word" and the bracket kinds
    close what they open and end with a sentence, so the text around them is read too)."""
    unit = {**SPLITTING, **ANALYSIS}[kind]
    if kind in ("nested-brackets", "nested-parentheses"):
        closing = "]" if unit == "[" else ")"
        return unit * (size // 2) + "x" + closing * (size // 2) + " The end."
    text = (unit * (size // len(unit) + 1))[:size]
    return text + "). The end." if kind == "long-word" else text


def adversarial_body(size: int) -> str:
    """About `size` characters: a quarter each for a long "word", repeated abbreviations, nested brackets and runs
    of punctuation, then every other pattern in a paragraph of its own, with a story's sentences around them."""
    story = ("The city council approved the new budget on Monday after a long debate. Members voted 7 to 2 in "
             "favour of the plan, which raises spending on roads by 4 percent.")
    main = [body(kind, size // 5) for kind in ("long-word", "abbreviations", "nested-brackets", "mixed-marks")]
    rest = [kind for kind in (*SPLITTING, *ANALYSIS) if kind not in ("long-word", "abbreviations",
                                                                      "nested-brackets", "mixed-marks")]
    share = (size - sum(map(len, main))) // len(rest) - len(story) - 4
    return "\n\n".join([story, *main, *(body(kind, max(share, 100)) for kind in rest), story]) + "\n"
