"""A seeded generator of a long invented story, told by several hundred articles from ten outlets.

Like a real long story, it has a list of key dated events that journalists would put in a reference
timeline, and each outlet words them its own way: paraphrases that share names and figures but few
other words, absolute dates at day or month precision, and relative ones ("on Tuesday", "last month",
"yesterday") resolved against the article's publication date. Around them: background dates that
many outlets repeat (when the mine opened), dates that only one article gives, forecasts, quotes,
generic remarks and page furniture. The same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

OUTLETS = ("Valley Courier", "The Northern Ledger", "Harbour Post", "Riverside Times", "Daily Meridian",
           "Coastline News", "The Upland Herald", "Metro Wire", "Plainsman Journal", "Eastgate Observer")


@dataclass(frozen=True)
class KeyEvent:
    """An event a journalist's reference timeline would list."""

    when: date
    """The day it happened."""
    importance: float
    """Chance that a later article recalls it."""
    wordings: tuple[str, ...]
    """Ways outlets report it; `{on}` / `{On}` is the date phrase."""


KEY_EVENTS = (
    KeyEvent(date(2023, 2, 14), 1.0, (
        "A tailings dam at the Korrin copper mine [collapsed|burst|failed] {on}, [burying|engulfing] part of the "
        "village of Ostvale.",
        "{On}, the waste dam of the Korrin mine gave way and [mud|sludge] [swept through|buried homes in] Ostvale.",
        "[Mud|Toxic sludge] from the Korrin mine's collapsed tailings dam engulfed Ostvale {on}.",
    )),
    KeyEvent(date(2023, 2, 16), 0.8, (
        "Rescuers recovered the bodies of {toll} people from the mud in Ostvale {on}.",
        "{On}, emergency crews said {toll} people had been found dead under the Ostvale [mudflow|sludge].",
        "The death toll in Ostvale rose to {toll} {on}, [rescue teams|officials] said.",
    )),
    KeyEvent(date(2023, 2, 20), 0.6, (
        "Prosecutors raided the offices of Brannock Mining, the Korrin mine's operator, {on}.",
        "{On}, [police and prosecutors|investigators] searched the headquarters of Brannock Mining.",
        "Brannock Mining's offices [in Harlow|] were searched by prosecutors {on}.",
    )),
    KeyEvent(date(2023, 3, 9), 0.7, (
        "Brannock Mining chief executive Tova Lindgren resigned {on}.",
        "{On}, Tova Lindgren stepped down as [head|chief executive] of Brannock Mining.",
        "Tova Lindgren quit as Brannock Mining's [boss|chief executive] {on}, citing the Ostvale disaster.",
    )),
    KeyEvent(date(2023, 4, 27), 0.6, (
        "Parliament passed a law banning upstream tailings dams {on}.",
        "{On}, lawmakers voted to [outlaw|ban] upstream tailings dams like the one at Korrin.",
        "A ban on upstream tailings dams cleared parliament {on} by 212 votes to 41.",
    )),
    KeyEvent(date(2023, 6, 5), 0.7, (
        "Brannock Mining agreed {on} to pay $1.4 billion in compensation to the families of Ostvale.",
        "{On}, Brannock Mining settled with [Ostvale families|the victims' families] for $1.4 billion.",
        "A $1.4 billion compensation [deal|settlement] between Brannock Mining and Ostvale residents was signed {on}.",
    )),
    KeyEvent(date(2023, 9, 18), 0.8, (
        "Prosecutors charged Tova Lindgren and four engineers with manslaughter {on}.",
        "{On}, five Brannock Mining executives, including Tova Lindgren, were charged with manslaughter.",
        "Manslaughter charges against Tova Lindgren and four [engineers|colleagues] were filed {on}.",
    )),
    KeyEvent(date(2023, 11, 2), 0.5, (
        "A government inquiry found {on} that inspectors had missed warning signs at the Korrin dam.",
        "{On}, the official inquiry concluded that safety inspectors [ignored|overlooked] cracks in the Korrin dam.",
        "Inspectors overlooked clear warnings at the Korrin dam, the inquiry reported {on}.",
    )),
    KeyEvent(date(2024, 1, 22), 0.7, (
        "The manslaughter trial of Tova Lindgren opened in Harlow {on}.",
        "{On}, Tova Lindgren went on trial in Harlow for the Ostvale deaths.",
        "Tova Lindgren's trial [for manslaughter|over the Ostvale deaths] began at the Harlow court {on}.",
    )),
    KeyEvent(date(2024, 5, 30), 0.9, (
        "A Harlow court convicted Tova Lindgren of manslaughter {on}.",
        "{On}, judges in Harlow found Tova Lindgren guilty over the Ostvale collapse.",
        "Tova Lindgren was found guilty of manslaughter by the Harlow court {on}.",
    )),
    KeyEvent(date(2024, 7, 11), 0.6, (
        "Tova Lindgren was sentenced to six years in prison {on}.",
        "{On}, the Harlow court sentenced Tova Lindgren to six years.",
        "The court handed Tova Lindgren a six-year prison sentence {on}.",
    )),
    KeyEvent(date(2024, 10, 3), 0.4, (
        "Brannock Mining announced {on} that it would close the Korrin mine for good.",
        "{On}, Brannock Mining said the Korrin mine would never reopen.",
        "The Korrin mine will shut permanently, Brannock Mining said {on}.",
    )),
)
MINOR_EVENTS = (
    "A vigil for the victims was held in Ostvale {on}.",
    "The Ostvale school reopened in a temporary building {on}.",
    "Brannock Mining shares fell 18 percent {on}.",
    "A second, smaller landslide near Korrin forced road closures {on}.",
    "The environment minister visited the Ostvale site {on}.",
    "Union leaders met Brannock Mining managers {on}.",
    "Divers searched the river below Ostvale for missing residents {on}.",
    "A court in Harlow froze $200 million of Brannock Mining assets {on}.",
    "The regional governor declared three days of mourning {on}.",
    "A lawyer for the families filed a civil suit in Harlow {on}.",
    "Protesters blocked the road to the Korrin mine {on}.",
    "Engineers began draining the remaining tailings at Korrin {on}.",
)
BACKGROUND = (
    "The Korrin mine opened in 1987 and employs about 1,900 people.",
    "Brannock Mining bought the Korrin mine in 2009.",
    "The tailings dam at Korrin was raised for the last time in 2016.",
    "A smaller tailings spill at another mine in the region killed four people in 2011.",
)
NOISE = (
    "A festival in Ostvale, last held in {year}, will not take place this year.",
    "The regional football cup final was moved to {day}.",
    "Brannock Mining's annual report for {year} showed a profit of $310 million.",
    "Copper prices rose sharply in {month}, traders said.",
    "The mayor of Harlow is expected to seek re-election in {future}.",
    "A memorial to the victims is planned for {future}.",
)
GENERIC = (
    "Residents said they still had many questions.",
    "The company said it was cooperating fully with the authorities.",
    "Families of the victims gathered outside the court building.",
    "Environmental groups have long criticised the mining industry in the region.",
    "It was not immediately clear what the decision would mean for workers.",
    "Analysts said the case could change how mines are regulated.",
    "\u201cWe will not rest until there is justice,\u201d said Mira Haldane, who lost her brother.",
    "\u201cThe company put profit before people,\u201d a lawyer for the families said.",
    "Officials did not respond to a request for comment.",
)
QUOTES = ("We owe the people of Ostvale the truth", "Nobody should have to live below a dam like that",
          "The law must now be enforced", "We are still counting the cost", "This must never happen again")
SPEAKERS = ("Mayor Ansel Brody", "a spokesperson for Brannock Mining", "union leader Petra Voss",
            "Environment Minister Karel Dunn", "Mira Haldane, a local teacher")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def key_dates() -> list[str]:
    """The reference timeline's dates (day precision)."""
    return [event.when.isoformat() for event in KEY_EVENTS]


def _date_phrase(when: date, published: date, rng: random.Random) -> str:
    """How a reporter writing on `published` dates `when`: relative when recent, else absolute."""
    age = (published - when).days
    forms = [f"on {when:%B} {when.day}, {when.year}", f"on {when.day} {when:%B} {when.year}"]
    if 0 < age < 100:
        forms.append(f"on {when:%B} {when.day}")
    if 1 < age < 6:
        forms += [f"on {WEEKDAYS[when.weekday()]}"] * 2
    if age == 1:
        forms.append("yesterday")
    if 0 < age < 60 and (published.month - when.month) % 12 == 1:
        forms.append("last month")  # month precision, as reporters often write it
    if age > 60:
        forms.append(f"in {when:%B} {when.year}")
    return rng.choice(forms)


def _noise(template: str, published: date, rng: random.Random) -> str:
    day = published - timedelta(days=rng.randrange(1, 400))
    return template.format(year=rng.randrange(1990, 2023), day=f"{day:%B} {day.day}, {day.year}",
                           month=f"{day:%B} {day.year}", future=rng.randrange(2025, 2031))


def _vary(text: str, rng: random.Random) -> str:
    """Pick one of each "[a|b|c]" alternative: the same fact in another outlet's words."""
    return re.sub(r"\[([^\]]*)\]", lambda match: rng.choice(match.group(1).split("|")), text).replace("  ", " ")


def _report(template: str, when: date, published: date, rng: random.Random, toll: str) -> str:
    phrase = _date_phrase(when, published, rng)
    text = _vary(template, rng).format(on=phrase, On=phrase[0].upper() + phrase[1:], toll=toll)
    return text[0].upper() + text[1:]


def write_story(folder: Path, articles: int = 400, seed: int = 11) -> list[tuple[str, int, str]]:
    """A topic folder of `articles` Markdown articles about the Korrin mine disaster.

    Returns (article id, key event index, sentence) for every sentence that reports a key event.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "topic.yml").write_text("title: The Korrin mine disaster\n", encoding="utf-8")
    first, last = KEY_EVENTS[0].when, KEY_EVENTS[-1].when + timedelta(days=30)
    span = (last - first).days
    minor_days = [first + timedelta(days=rng.randrange(2, span)) for _ in MINOR_EVENTS]
    late_toll = rng.choice(OUTLETS)  # one outlet reports a different death toll
    manifest: list[tuple[str, int, str]] = []
    for number in range(articles):
        article_id = f"a{number:04d}"
        # News comes in bursts: most articles follow a key event by a few days.
        if rng.random() < 0.7:
            published = rng.choice(KEY_EVENTS).when + timedelta(days=rng.choice((1, 1, 2, 2, 3, 4, 6, 9)))
        else:
            published = first + timedelta(days=rng.randrange(1, span))
        outlet = rng.choice(OUTLETS)
        toll = "25" if outlet == late_toll else "23"
        known = [index for index, event in enumerate(KEY_EVENTS) if event.when < published]
        older = [index for index in known[:-1] if rng.random() < KEY_EVENTS[index].importance * 0.5]
        paragraphs = [f"Updated {published:%B} {published.day}, {published.year}"]
        for index in [known[-1], *older]:
            event = KEY_EVENTS[index]
            text = _report(rng.choice(event.wordings), event.when, published, rng, toll)
            manifest.append((article_id, index, text))
            paragraphs.append(text)
            if rng.random() < 0.5:
                paragraphs.append(rng.choice(GENERIC))
        for template, day in zip(MINOR_EVENTS, minor_days, strict=True):
            if 0 < (published - day).days < 10 and rng.random() < 0.4:
                paragraphs.append(_report(template, day, published, rng, toll))
        paragraphs += rng.sample(BACKGROUND, rng.randrange(0, 3))
        if rng.random() < 0.6:
            paragraphs.append(_noise(rng.choice(NOISE), published, rng))
        paragraphs += rng.sample(GENERIC, 2)
        said = published - timedelta(days=rng.choice((0, 1)))
        speaker, weekday = rng.choice(SPEAKERS), WEEKDAYS[said.weekday()]
        paragraphs.append(f"\u201c{rng.choice(QUOTES)},\u201d {speaker} said on {weekday}.")
        meta = f"title: Korrin mine story {number}\noutlet: {outlet}\npublished: {published.isoformat()}\n"
        body = "\n\n".join(paragraphs) + "\n"
        (folder / f"{article_id}.md").write_text(f"---\n{meta}---\n{body}", encoding="utf-8")
    return manifest
