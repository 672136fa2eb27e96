"""Page furniture recognised by its form: the lines every news site wraps around an article, and the bylines
and credits among them.

Patterns are about kinds of furniture (teasers, share bars, comment forms, photo credits), phrased the
way English-language sites phrase them, never about one site's wording.
"""

from __future__ import annotations

import re

from digest.language.lexicon import wordset

_BYLINE = re.compile(r"^(?:by|written by|posted by|words by|story by|author\s*:|reporter\s*:)\s+"
                     r"(?P<names>[^\d].{1,120})$", re.I)
_NAME = re.compile(r"^(?:(?:[A-Z][\w'’.-]*|al-\w+|de|van|von|bin|da|la|le)\s*){2,5}$")
_REPORTING = re.compile(r"^\(?\s*((?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)"
                        r"\s+by\b.*?)\s*\)?$", re.I)
_CREDIT = re.compile(r"^(?:(?:photo|image|picture|video|cover|header|featured image|main image)\s+)?"
                     r"credits?\s*:\s*(?P<value>.+)$", re.I)
_STOCK = re.compile(r"photo|image|picture|getty|shutterstock|deposit|istock|alamy|unsplash|pexels|pixabay|"
                    r"wikimedia|wikipedia|creative commons|\bcc[- ]by\b|\bap\b|\bafp\b|\bepa\b|/|file|handout|"
                    r"courtesy|screenshot|screengrab|twitter|x\.com|instagram|facebook|youtube", re.I)
SITE_BLURB = (r"^(?P<blurb>(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*)\s+is an? (?:[\w-]+\s+){0,3}"
              r"(?:independent|non-?profit|award-winning|digital|online|daily|weekly|local|global|leading)\s+"
              r"(?:[\w-]+\s+){0,2}(?:news|newspaper|media|publication|outlet|magazine|website|site|platform|"
              r"organi[sz]ation)\b")
"""A site describing itself ("The Harbour Herald is an independent news site ...")."""
_RAW_PATTERNS = (
    ("ad-block notice", r"\bad[- ]?block(?:er|ing)?s?\b.*\b(?:detected|disable|enabled|whitelist|turn off|using|"
                        r"allow|support)|^ad[- ]?block(?:er)? detected|using an? ad[- ]?blocker"),
    ("ad-block notice", r"\b(?:disable|turn off|pause)\b.{0,30}\bad[- ]?block"),
    ("cookie notice", r"\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b|"
                      r"\bcookie (?:policy|settings)"),
    ("javascript notice", r"\b(?:enable|turn on) javascript\b|\bjavascript (?:is )?(?:disabled|required)"),
    ("advertising", r"^(?:skip )?(?:advertisement|advertising|ad feedback|video ad feedback|supported by|"
                    r"sponsored(?: content)?|promoted|paid (?:post|content)|ad|ads)"
                    r"\s*(?:[-–—:·•|]|$)|\bto advertise\b|\badvertise with us\b|"
                    r"\b(?:story|article) continues (?:below|after)|"
                    r"^scroll (?:down )?to continue"),
    ("social links", r"^(?:follow|like|join|find|connect with) us\b|^(?:share|tweet|pin|email|print|post)"
                     r"(?: this)?(?: (?:article|story|post|page))?\s*(?:on|via|with|:|$)"),
    ("social links", r"^(?:facebook|twitter|x|instagram|linkedin|whatsapp|telegram|youtube|reddit|pinterest|threads|"
                     r"tiktok|email|e-mail|print|copy link|copy url|messenger|flipboard|rss|share)"
                     r"(?:\s*[,|/&]\s*(?:facebook|twitter|x|instagram|linkedin|whatsapp|telegram|youtube|reddit|"
                     r"pinterest|threads|tiktok|email|e-mail|print|copy link|messenger|rss))*$"),
    ("subscribe prompt", r"^(?:subscribe|sign up|signup|sign in|log ?in|register|join now|get (?:our|the|free)\b"
                         r"|unlock|already a (?:subscriber|member)|become a (?:member|subscriber)"
                         r"|support (?:our|us)\b)"),
    ("subscribe prompt", r"\bnewsletters?\b.*\b(?:sign up|subscribe|inbox|email)\b|"
                         r"\b(?:sign up|subscribe)\b.*\bnewsletters?\b"),
    ("page navigation", r"^(?:scroll|back|go back|return) to (?:the )?top\b|"
                        r"^skip to (?:main )?(?:content|navigation)\b|"
                        r"^(?:menu|main menu|search|close|open|home|toggle navigation|navigation|previous|next|"
                        r"previous article|next article|load more|show more|see more|view all|more|loading\.*)$"),
    ("comment form", r"please (?:enter|type|write) your (?:comment|name|email)|^leave a (?:reply|comment)|"
                     r"your email address will not be published|required fields are marked|"
                     r"^save my name|^(?:post|submit|add|view|show|hide) (?:a )?comments?\b|^\d+\s+comments?$|"
                     r"^comments?(?: \(\d+\))?$|^cancel reply$|^(?:log|sign) in to (?:comment|reply)|"
                     r"^(?:join|start) the (?:discussion|conversation)|^notify me of"),
    ("legal footer", r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|^(?:privacy(?: policy)?|terms (?:of use|and "
                     r"conditions|of service)|cookie policy|contact(?: us)?|about(?: us)?|careers|sitemap|imprint|"
                     r"disclaimer|accessibility)$"),
    ("teaser", r"^(?:read more|also read|read also|read next|read|see also|related|related stories|related articles|"
               r"related coverage|recommended|suggested|watch|watch now|listen|listen now|more|must read|don't miss|"
               r"do not miss|trending|popular|latest|top stories|breaking|breaking news|just in|"
               r"editor'?s picks?|in case you missed it|opinion)"
               r"\s*(?::|\||–|—|-|>|»)\s*\S"),
    ("reading aid", r"^\d+\s*(?:min(?:ute)?s?|mins?)\.?\s+read$|^listen to (?:this )?(?:article|story)|"
                    r"^(?:reading|read) time\b|^(?:font size|text size)\b|^\d+\s+(?:views|shares|likes)$"),
    ("photo caption", r"^(?:(?:file|stock)\s+)?(?:photo|photograph|image|picture|illustration|video)"
                      r"(?:\s+(?:caption|source))?\s*(?::|/|,|by\b)|^file\s*[-–—]\s|"
                      r"\((?:[A-Z]+\s+)?photo\b[^)]*\)\s*$|^(?:photograph|photo|image)\s*:|"
                      r"\((?:photo|image|picture)(?: credit)?\s*(?::|by)[^)]*\)\s*$|"
                      r"^source\s*:\s*(?:getty|reuters|ap|afp)"),
    ("photo credit", r"^[^.!?]{0,60}\b(?:getty images|shutterstock|depositphotos|istock(?:photo)?|alamy|"
                     r"ap photo|afp via getty|unsplash|pexels|wikimedia commons)\b[^.!?]{0,40}$"),
    ("subscribe prompt", r"\b(?:delivered|straight|directly) to your inbox\b"),
    ("trust statement", r"^our standards\b|\btrust principles\b|^(?:editorial|ethics) (?:standards|policy)$"),
    ("reader tools", r"^save (?:articles?|this (?:article|story)|for later)\b|^(?:download|get) (?:the|our) app\b|"
                     r"^(?:click|tap) here\b|^link copied!?$|^(?:give|gift) this article\b|^share full article$|"
                     r"^read in app$|^enter your e-?mail|^thank you for (?:signing up|subscribing)|"
                     r"^this article is more than \d+ \w+ old$|^see (?:full|all|more)\b.{0,30}$|^listen\b.{0,20}\d"),
    ("photo caption", r"\b(?:photograph|photo|image|illustration|picture)\s*:\s*[^.!?]{1,80}$|^credit\.{3}"),
    ("contact prompt", r"\bnews tips?\b|\b(?:e-?mail|contact) (?:us|the newsroom) at\b|"
                       r"^follow (?:[A-Z][\w.'’-]+\s+){1,3}on "
                       r"(?:twitter|x|facebook|instagram|threads|bluesky|linkedin)\b"),
    ("disclaimer", r"\bviews expressed (?:in this|here)\b|\bdo not necessarily reflect\b|"
                   r"\b(?:originally|first) (?:appeared|published|ran) (?:on|in|at)\b"),
    ("tags line", r"^(?:tags?|tagged|topics?|filed under|categor(?:y|ies)|posted in|keywords)\s*:?\s+"
                  r"\S[^.!?]{0,150}$"),
    ("page navigation", r"^(?:previous|next|older|newer) (?:post|article|story|page)\b|^(?:continue|keep) reading\b|"
                        r"^read (?:the )?full (?:story|article)\b|^(?:image|photo|slide|picture) \d+ (?:of|/) \d+$"),
    ("social links", r"\(opens in (?:a )?new (?:window|tab)\)|^like this:?$|^like loading|"
                     r"^click to (?:share|email|print)"),
    ("browser notice", r"\byour browser (?:does not|doesn't|cannot|can't) (?:support|play)|\bupdate your browser\b"),
    ("comment form", r"^comments are closed\b|^(?:be the first to comment|no comments yet)\b"),
    ("cookie notice", r"\bby (?:using|continuing to (?:use|browse)) (?:this|our) (?:site|website|service|app)\b|"
                      r"^(?:i agree|i accept|accept all|reject all|allow all|manage (?:preferences|options|cookies|"
                      r"consent)|got it|ok,? got it|dismiss|agree and close|customi[sz]e settings)$"),
    ("paywall notice", r"\bfree articles?\b.*\b(?:left|remaining|limit|month)|"
                       r"\b(?:subscribers?|members?) only[.!]?$|"
                       r"\b(?:continue|keep) reading (?:with|for)\b|\bpremium (?:content|article)\b|"
                       r"^(?:already have an account|create (?:a free )?account)\b"),
    ("site blurb", SITE_BLURB + r"|\b(?:proudly )?powered by\b|\bregistered trademark\b"),
    ("photo caption", r"(?-i:\b(?:REUTERS|AFP|AP|EPA|Getty Images|Anadolu|Xinhua|EFE|ANSA)\s*/\s*[A-Z][a-z])|"
                      r"\bpurchase licensing rights\b"),
    ("page navigation", r",?\s*opens new tab$|^story continues$"),
    ("filler text", r"\blorem ipsum\b|\bdolor sit amet\b|\b(?:filler|dummy|placeholder|sample) text\b"),
    ("source line", r"^[-–—]?\s*source\s*:\s*[^.]{0,60}$"),
    ("email or link", r"^\S+@\S+\.\w+$|^(?:https?://|www\.)\S+$"),
)
_LINE_PATTERNS = tuple((reason, re.compile(pattern, re.I)) for reason, pattern in _RAW_PATTERNS)

_BOXES = re.compile(
    r"^(?:related|recommended|more on\b|don't miss|(?:read|see) (?:more|also)|also read|read next)", re.I)
"""Furniture headings that sites also put inside an article (an inline "Related" box): the article may resume."""
_SIDEBARS = re.compile(
    r"^(?:trending|popular|most|latest|top stories|editor|(?:you|we think you) (?:may|might|will)|"
    r"more (?:posts|stories|news|articles|headlines|coverage|videos|to read|like this))", re.I)
"""Lists of other stories that usually follow the article but sometimes sit inside it."""

_TERMINATORS = re.compile(
    r"^(?:related(?: news| articles| posts| stories| content| coverage| topics| reading| links)?|"
    r"more (?:posts|stories|news|articles|headlines|coverage|videos|to read|like this)|more from\b.*|"
    r"about (?:us|the author|the writer)|on this day|today in history|comments?|\d+ comments?|"
    r"leave a (?:reply|comment)|(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy)|"
    r"recommended(?: for you| stories| articles| reading)?|(?:most )?(?:popular|read|viewed|shared|commented)"
    r"(?: news| stories| articles| posts| now| today| this week)?|most (?:popular|read|viewed|shared)\b.*|"
    r"trending(?: now| stories| news| topics)?|latest(?: news| posts| stories| articles| headlines)?|"
    r"top stories|editor'?s picks?|tags?|topics|"
    r"what to read next|further reading|in other news|from around the web|sponsored(?: content| stories)?|"
    r"partner content|promoted(?: stories| content)?|don't miss|also on\b.*|explore more\b.*|keep reading|"
    r"please enter your comment!?|leave a comment|post a comment|join the conversation|"
    r"(?:read|see) (?:more|all) (?:news|stories|articles|from\b.*))\s*:?$", re.I)
"""Short headings that open the page's furniture after an article: what follows is other stories or chrome."""

SHORT_WORDS = 45
"""Furniture is short: longer lines are only checked for the few notices that run long."""
_LONGEST = {"ad-block notice": 80, "javascript notice": 60, "disclaimer": 80, "filler text": 120}

_BULLET = re.compile(r"^(?:[-*•·▪►]|\d{1,2}[.)])\s+")
_LETTERS = re.compile(r"[^\W\d_]", re.U)

_CUE_STARTS = (*wordset("""
0 1 2 3 4 5 6 7 8 9 © (c) about accept accessibility ad add agree allow already also back become breaking cancel
careers categor click close comment connect contact continue cookie copy copyright create customi disclaimer
dismiss don't download e-mail editor editorial email enter ethics facebook file filed find flipboard follow font
get gift give got hide home http imprint instagram join just keep keywords latest leave like link linkedin listen
load loading log main manage menu messenger more must navigation newer next notify ok older open opinion paid
photo photograph picture pin pinterest popular post posted previous print privacy promoted read reading
recommended reddit register reject related return rss save scroll search see share show sign signup sitemap skip
slide sponsored start stock story submit subscribe suggested support supported tag tap telegram terms thank
threads tiktok toggle top topic trending tweet twitter unlock video view watch whatsapp www x youtube
"""), "i agree", "i accept", "go back", "do not", "be the first", "no comments", "this article",
               "our standards", "text size", "in case")
"""How a line may start for a pattern anchored at its start to match it (lower case)."""
_CUE_PIECES = (*wordset("""
block cookie javascript advertise continues newsletter please comment photo image picture illustration getty
shutterstock depositphotos istock alamy unsplash pexels wikimedia inbox credit mail contact originally browser
subscriber member reading premium licensing lorem dolor filler dummy placeholder source @ /
"""), "your email", "required fields", "all rights", "trust principles", "news tip", "views expressed",
               "necessarily reflect", "first appeared", "first published", "first ran", "opens in", "opens new tab",
               "by using", "by continuing", "free article", " is a", "powered by", "registered trademark",
               "sample text")
"""Pieces of which every pattern not anchored at the line's start needs one (lower case)."""
_UNGATED = re.compile("[\u0130\u0131\u017f\u212a]|[^\\S ]")
"""What lower-casing and plain spaces cannot stand for: the letters case-insensitive expressions match to ASCII
ones (dotted and dotless i, long s, the Kelvin sign), and white space other than a space."""


def _may_be_furniture(line: str) -> bool:
    """False when no pattern of `_RAW_PATTERNS` can match the (stripped) line: it starts with none of their cue
    words and holds none of their cue pieces. Most lines of an article hold none, and the expressions, tried at
    every position, cost far more than this test."""
    lowered = line.lower()
    return lowered.startswith(_CUE_STARTS) or any(map(lowered.__contains__, _CUE_PIECES)) \
        or bool(_UNGATED.search(line))


def furniture_reason(text: str) -> str | None:
    """Why a line is furniture whatever its position, or None."""
    stripped = text.strip()
    if not _LETTERS.search(stripped):
        return "no words"
    if photo_credit(stripped):
        return "photo credit"
    if not _may_be_furniture(stripped):
        return None
    words = len(stripped.split())
    for reason, pattern in _LINE_PATTERNS:
        if words > _LONGEST.get(reason, SHORT_WORDS):
            continue
        if pattern.search(stripped):
            if reason == "teaser" and stripped.rstrip()[-1:] in ".!?\"”" and words > 25:
                continue
            return reason
    return None


def is_terminator(text: str) -> bool:
    """A heading after which a page shows other stories, comments or its footer."""
    stripped = text.strip().strip("#").strip()
    return len(stripped.split()) <= 12 and bool(_TERMINATORS.match(stripped))


def box_kind(text: str) -> str | None:
    """"inline" for a box the article often continues after, "sidebar" for lists of other stories that
    sometimes do, None for comments and the footer, after which the article never continues."""
    heading = text.strip().strip("#").strip()
    return "inline" if _BOXES.match(heading) else "sidebar" if _SIDEBARS.match(heading) else None


def bullet(text: str) -> str | None:
    """The text of a list item ("- x", "• x", "1. x"), or None."""
    match = _BULLET.match(text)
    return text[match.end():].strip() if match else None


def byline(line: str) -> str | None:
    """Author names from a byline ("By Jane Doe and John Roe"), or None."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    names = re.split(r"\s*(?:\||•|·|,\s*(?=(?:19|20)\d{2}|updated|published)).*$", match["names"], maxsplit=1)[0]
    names = names.strip(" ,;:-–—")
    parts = [part for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", names) if part]
    if parts and all(_NAME.match(part) for part in parts):
        return names
    return None


def wire_credit(line: str) -> str | None:
    """A reporting credit: "Credit: A; B;C" naming people, or "Reporting by A; Editing by B"."""
    text = line.strip()
    reporting = _REPORTING.match(text)
    if reporting:
        return re.sub(r"\s*;\s*", "; ", reporting.group(1).strip())
    credit = _CREDIT.match(text)
    if not credit or re.match(r"^(?:photo|image|picture|video|cover|header|featured|main)\b", text, re.I):
        return None
    value = credit["value"].strip().rstrip(".")
    if _STOCK.search(value):
        return None
    names = [name.strip() for name in re.split(r"[;,]|\band\b", value) if name.strip()]
    if names and all(_NAME.match(name) and len(name.split()) >= 2 for name in names):
        return "; ".join(names)
    return None


def photo_credit(line: str) -> bool:
    """A credit line that names a photo agency or stock library rather than reporters."""
    return bool(_CREDIT.match(line.strip())) and wire_credit(line) is None
