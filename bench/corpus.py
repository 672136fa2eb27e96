"""A seeded generator of realistic news corpora for the benchmark.

Each topic is a story: a cast (officials, organisations, places), a run of dated events
with figures, and outlets that report them over weeks or years. Every article picks the
events known by its publication date and words them its own way: absolute and relative
dates, quotes with attributions, denials, figures that differ between outlets, background
paragraphs, the odd heading, and a few wire copies. The same seed gives the same corpus,
byte for byte. All names of people and outlets are made up.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

OUTLETS = [
    ("Capital Wire", "capitalwire.example"), ("The Northern Ledger", "northernledger.example"),
    ("Harbor Daily", "harbordaily.example"), ("Meridian Times", "meridiantimes.example"),
    ("The Civic Post", "civicpost.example"), ("Frontline Report", "frontlinereport.example"),
    ("Atlas News Service", "atlasnews.example"), ("The Evening Courier", "eveningcourier.example"),
    ("Riverbend Gazette", "riverbendgazette.example"), ("Global Dispatch", "globaldispatch.example"),
    ("The Prairie Herald", "prairieherald.example"), ("Summit Observer", "summitobserver.example"),
    ("Coastal Chronicle", "coastalchronicle.example"), ("The Metro Journal", "metrojournal.example"),
    ("Continental Press", "continentalpress.example"), ("The Daily Beacon", "dailybeacon.example"),
    ("World Affairs Review", "worldaffairsreview.example"), ("Union Street Times", "unionstreet.example"),
    ("The Lakeside Register", "lakesideregister.example"), ("Pioneer Tribune", "pioneertribune.example"),
]
WIRES = ("Capital Wire", "Atlas News Service", "Continental Press")
FIRST = ["Maria", "James", "Aisha", "Tomas", "Elena", "David", "Fatima", "Kenji", "Laura", "Samuel", "Ingrid",
         "Omar", "Grace", "Pavel", "Nadia", "Robert", "Leila", "Marcus", "Hannah", "Diego", "Yuki", "Amara",
         "Stefan", "Priya", "Victor", "Chloe", "Ibrahim", "Sofia", "Daniel", "Mei"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Moreno", "Kowalski", "Brennan", "Nakamura", "Adeyemi", "Fischer",
        "Castillo", "Petrov", "Osei", "Duarte", "Hashemi", "Whitfield", "Novak", "Mbeki", "Sorensen", "Ruiz",
        "Tanaka", "Galloway", "Costa", "Ivanova", "Mensah", "Abbott", "Reyes", "Varga", "Quinn", "Sato", "Bauer"]
PLACES = ["Valmora", "Kestrel Bay", "Northgate", "Port Amsel", "Drovna", "Eastmere", "Sillan", "Carrow",
          "Tarvik", "Lowen", "Bramford", "Ostrava Plains", "Redhill", "Marisco", "Fenwick", "Alder Coast"]
COUNTRIES = ["Eldoria", "Marovia", "Tessaly", "Corvania", "Belmark", "Rusk", "Ardania", "Veloria", "Kastria",
             "Norland"]


@dataclass(frozen=True)
class StoryKind:
    """What a story is about, and the wording of its events."""

    title: str
    """Topic title template."""
    events: tuple[str, ...]
    """Event clauses: {actor}, {org}, {place}, {country}, {n}, {m}, {money} slots."""
    quotes: tuple[str, ...]
    """Things people say about it."""
    denials: tuple[str, ...]
    """What the other side answers."""
    background: tuple[str, ...]
    """Context sentences."""


KINDS = (
    StoryKind(
        title="{country} troop withdrawal from {place}",
        events=(
            "{country} announced it would withdraw {n} troops from {place}",
            "the first convoy of {m} soldiers left the {place} base",
            "defence ministers of {country} and its allies agreed a timetable for the drawdown",
            "a rocket attack on the {place} airfield wounded {m} contractors",
            "{org} said the mission in {place} had met its objectives",
            "the parliament of {country} voted {n} to {m} to end the deployment",
            "the last {m} advisers handed the {place} compound to local forces",
            "{actor} visited {place} to review the handover",
        ),
        quotes=(
            "We are not leaving {place} behind, we are changing how we help",
            "The security situation in {place} does not justify a hasty departure",
            "Our soldiers have done what was asked of them",
            "Nobody in {place} was consulted about this timetable",
        ),
        denials=("{org} denied that the pullout had been forced by the attacks",
                 "officials in {country} rejected reports of a secret agreement on the timetable"),
        background=(
            "Foreign troops arrived in {place} after the fighting of {year}.",
            "The deployment has cost {country} an estimated {money} since it began.",
            "{org} has trained local units in {place} for almost a decade.",
        ),
    ),
    StoryKind(
        title="Dock strike at the port of {place}",
        events=(
            "about {n} dock workers walked off the job at the port of {place}",
            "{org} rejected a pay offer of {m} percent over three years",
            "the port authority said {m} container ships were waiting offshore",
            "talks between {org} and employers broke down after {m} hours",
            "the government of {country} appointed a mediator in the {place} dispute",
            "{actor} warned that the stoppage was costing {money} a day",
            "union members voted to accept a revised deal by {n} votes to {m}",
            "cargo handling at {place} resumed after a stoppage of {m} days",
        ),
        quotes=(
            "Our members have gone years without a real rise",
            "Every day the port stays shut, shops in {place} run emptier",
            "We are ready to talk whenever the employers are",
            "This dispute is hurting the very families it claims to defend",
        ),
        denials=("employers denied that the offer amounted to a pay cut",
                 "{org} rejected claims that picket lines had turned violent"),
        background=(
            "The port of {place} handles roughly {money} of goods each year.",
            "The last major strike at {place} took place in {year}.",
            "{org} represents about {n} workers across the country's ports.",
        ),
    ),
    StoryKind(
        title="Wildfires in the {place} region",
        events=(
            "a wildfire broke out in the hills above {place}",
            "firefighters said the blaze had burned {n} hectares",
            "authorities ordered {m} thousand residents of {place} to evacuate",
            "{m} homes were destroyed near {place}, according to {org}",
            "the government of {country} declared a state of emergency in the {place} region",
            "{actor} announced {money} in relief for farmers around {place}",
            "crews contained the main fire front after {m} days",
            "investigators said the {place} fire was started by a power line",
        ),
        quotes=(
            "We lost everything in less than an hour",
            "The crews in {place} have been working without rest",
            "The warning came far too late for people on the ridge",
            "These fires are getting bigger every summer",
        ),
        denials=("the power company denied that its line had caused the {place} fire",
                 "{org} rejected criticism that the evacuation order had come late"),
        background=(
            "The {place} region has had below-average rainfall since {year}.",
            "Wildfires in {country} burned a record area in {year}.",
            "{org} has warned for years about dry brush near {place}.",
        ),
    ),
    StoryKind(
        title="{country} central bank and the fight against inflation",
        events=(
            "the central bank of {country} raised its main rate to {m} percent",
            "annual inflation in {country} reached {m} percent",
            "{actor} said further increases could not be ruled out",
            "the currency of {country} fell {m} percent against the dollar",
            "{org} cut its growth forecast for {country} to {m} percent",
            "the government of {country} unveiled a {money} support package for households",
            "the central bank held rates steady for the first time in {m} months",
            "mortgage costs in {place} rose for the {m}th month in a row",
        ),
        quotes=(
            "Price stability is the foundation of everything else",
            "Families in {place} are choosing between heating and eating",
            "The bank acted too slowly and is now overcorrecting",
            "We expect inflation to ease over the coming year",
        ),
        denials=("the finance ministry denied it had pressed the central bank to pause",
                 "{org} rejected claims that its forecasts had been too optimistic"),
        background=(
            "The central bank of {country} gained its independence in {year}.",
            "Inflation in {country} last exceeded ten percent in {year}.",
            "Household debt in {country} stands at about {money}.",
        ),
    ),
    StoryKind(
        title="Bridge collapse in {place}",
        events=(
            "a section of the main bridge in {place} collapsed during the evening rush hour",
            "rescuers pulled {m} people from the river below the {place} bridge",
            "officials confirmed {m} deaths in the {place} bridge collapse",
            "{org} had rated the {place} bridge as structurally deficient",
            "the transport minister of {country} ordered inspections of {n} bridges",
            "{actor} announced an independent inquiry into the collapse",
            "engineers found corrosion in {m} of the bridge's support cables",
            "the government of {country} pledged {money} to rebuild the crossing",
        ),
        quotes=(
            "There was a noise like thunder and then the road was gone",
            "We warned about this bridge again and again",
            "The families deserve answers, and they will get them",
            "Every bridge of that age in {country} must now be checked",
        ),
        denials=("the maintenance contractor denied skipping scheduled repairs",
                 "{org} rejected claims that its inspectors had ignored the cracks"),
        background=(
            "The {place} bridge opened in {year} and carried about {n} vehicles a day.",
            "A similar bridge in {country} was closed for repairs in {year}.",
            "Spending on road maintenance in {country} has fallen to {money} a year.",
        ),
    ),
    StoryKind(
        title="Data breach at {org}",
        events=(
            "{org} disclosed that hackers had accessed the records of {n} customers",
            "the data protection authority of {country} opened an investigation into {org}",
            "{org} said the breach was discovered {m} weeks after it began",
            "a group calling itself the {place} Collective claimed responsibility",
            "shares in {org} fell {m} percent after the announcement",
            "{actor} apologised to customers before a parliamentary committee",
            "regulators fined {org} {money} over the breach",
            "{org} offered {m} months of free credit monitoring to affected customers",
        ),
        quotes=(
            "We take the security of our customers' data extremely seriously",
            "This was a preventable failure of basic security",
            "Customers in {place} found out from the news, not from the company",
            "We are working around the clock with the investigators",
        ),
        denials=("{org} denied that payment card numbers had been exposed",
                 "the company rejected reports that it had paid a ransom"),
        background=(
            "{org} has about {n} customers in {country}.",
            "The company suffered a smaller breach in {year}.",
            "Data breach fines in {country} can reach {money}.",
        ),
    ),
    StoryKind(
        title="Disputed election in {country}",
        events=(
            "voters in {country} went to the polls in a closely fought presidential election",
            "the electoral commission declared {actor} the winner with {m} percent of the vote",
            "the opposition said {n} ballots in {place} had been tampered with",
            "thousands of protesters gathered in central {place}",
            "{org} said the vote was largely free but marred by irregularities",
            "the supreme court of {country} ordered a recount in {m} districts",
            "police detained {m} opposition activists in {place}",
            "{actor} was sworn in for a term of {m} years",
        ),
        quotes=(
            "The people have spoken and we will respect their choice",
            "This result was stolen in the counting rooms of {place}",
            "We call on all sides to refrain from violence",
            "The commission has nothing to hide",
        ),
        denials=("the electoral commission denied any tampering with the ballots from {place}",
                 "the interior ministry rejected claims that protesters had been beaten"),
        background=(
            "{country} held its first multi-party election in {year}.",
            "Turnout in the previous election was about {m} percent.",
            "{org} has monitored elections in {country} since {year}.",
        ),
    ),
    StoryKind(
        title="Drought and water rationing in {place}",
        events=(
            "reservoirs serving {place} fell to {m} percent of capacity",
            "the city of {place} introduced water rationing for {n} households",
            "{org} said the harvest in the {place} region would fall by {m} percent",
            "the government of {country} approved {money} for emergency water supplies",
            "{actor} urged residents to cut water use by a third",
            "heavy rain brought the first relief to {place} in {m} months",
            "farmers in {place} blocked roads to protest the water cuts",
            "engineers began building a desalination plant near {place}",
        ),
        quotes=(
            "We have never seen the river this low",
            "Rationing is painful, but running dry would be worse",
            "The city ignored every warning about its pipes",
            "Our crops are dying in the fields",
        ),
        denials=("the water company denied that leaks had worsened the shortage",
                 "{org} rejected claims that farms were being favoured over homes"),
        background=(
            "{place} has had four dry winters since {year}.",
            "The water network of {place} loses about {m} percent of its supply to leaks.",
            "A similar drought in {year} cost farmers in {country} about {money}.",
        ),
    ),
)

ORGS = ["the Harbour Workers' Union", "the National Audit Office", "the Regional Security Council",
        "the Meridian Institute", "the Civil Protection Agency", "Northstar Holdings", "the Public Works Board",
        "the Independent Observers Mission", "the Federation of Farmers", "Bluegate Telecom",
        "the Coalition Command", "the Institute for Fiscal Studies"]
ROLES = ["the defence minister", "a government spokesperson", "the regional governor", "the union's leader",
         "a senior official", "the company's chief executive", "an opposition lawmaker", "the mayor",
         "a local resident", "an independent analyst", "the agency's director", "a military spokesman"]
ATTRIBUTION = ["said", "told reporters", "said in a statement", "said on {weekday}", "told {outlet}",
               "wrote on social media", "said at a news conference"]
REACTION = [
    "Critics said the decision came too late.",
    "Analysts expect the issue to dominate the coming weeks.",
    "Residents said they had received little information.",
    "The announcement drew a mixed response from lawmakers.",
    "Neighbouring governments were watching closely.",
    "It was not immediately clear how the plan would be funded.",
    "Officials did not respond to a request for further comment.",
    "The figures could not be independently verified.",
    "Further details were expected later in the week.",
    "Opposition parties called for a full debate in parliament.",
]
TITLES = ["Defence Minister", "Governor", "Mayor", "Finance Minister", "Interior Minister", "Prime Minister",
          "Chief Executive", "Commissioner", "Director", "President"]
GENERIC_QUOTES = [
    "We will publish everything we know as soon as it is confirmed",
    "People want to see action, not more promises",
    "It is too early to say what the long-term effects will be",
    "We have asked for an urgent meeting with the ministry",
    "This is a difficult moment, but we have faced worse",
    "Nobody told us anything until it was already on television",
    "The numbers speak for themselves",
    "We are reviewing every option on the table",
]
DETAILS = [
    "{Speaker} said the plan would be reviewed within {m} weeks.",
    "The figure was {m} percent higher than a year earlier.",
    "A report by {org} published in {year} had warned of similar risks.",
    "Local officials in {place} said they had been given {m} days' notice.",
    "About {n} people in {place} are directly affected, according to the latest estimates.",
    "{Speaker} told lawmakers that the costs could exceed {money}.",
    "A spokesperson for {org} declined to give a timetable.",
    "Similar measures were tried in {place} in {year} with limited success.",
    "Lawmakers in {country} are expected to debate the issue next month.",
    "The government of {country} has set aside {money} for the coming year.",
    "Surveys suggest that {m} percent of residents support the decision.",
    "Officials said {m} teams had been sent to {place} to assess the situation.",
    "The last comparable episode, in {year}, lasted about {m} weeks.",
    "{Speaker} said more information would be released on {weekday}.",
    "Business groups in {place} estimated their losses at {money}.",
    "Independent experts questioned whether the target of {m} percent was realistic.",
]
HEADINGS = ["What happened", "Background", "Reactions", "What comes next", "The figures", "How we got here"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass(frozen=True)
class Event:
    """One thing that happened in a story."""

    when: date
    clause: str


def _fill(template: str, rng: random.Random, cast: dict[str, str]) -> str:
    n = rng.choice([120, 450, 800, 1200, 2500, 3000, 4800, 12000, 25000, 150000])
    values = {**cast, "n": f"{n:,}", "m": str(rng.randint(2, 60)),
              "money": rng.choice(["$300 million", "$1.2 billion", "$45 million", "€80 million", "$2 billion",
                                   "£12 million", "$650 million"]),
              "year": str(rng.randint(1995, 2018)), "weekday": rng.choice(WEEKDAYS)}
    return template.format(**values)


def _when(event: date, published: date, rng: random.Random) -> str:
    """How a reporter writing on `published` would date `event`."""
    days = (published - event).days
    if 0 <= days <= 6 and rng.random() < 0.6:
        return "on " + WEEKDAYS[event.weekday()]
    if event.year == published.year and event.month == published.month - 1 and rng.random() < 0.3:
        return "last month"
    style = rng.random()
    if style < 0.5:
        return f"on {MONTHS[event.month - 1]} {event.day}, {event.year}"
    if style < 0.75:
        return f"in {MONTHS[event.month - 1]} {event.year}"
    if style < 0.85 and event.year != published.year:
        return f"in {event.year}"
    return f"on {MONTHS[event.month - 1]} {event.day}"


def _sentence(clause: str, when: str, rng: random.Random, outlet: str) -> str:
    if rng.random() < 0.1:  # outlets do not always agree on a figure
        clause = re.sub(r"\b([1-9][0-9]?)\b", lambda m: str(int(m.group(1)) + rng.randint(1, 5)), clause, count=1)
    forms = [
        "{When}, {clause}.",
        "{Clause} {when}.",
        "{Clause} {when}, according to officials.",
        "{When}, {clause}, {outlet} has learned.",
        "Officials confirmed that {clause} {when}.",
        "{Clause} {when}, a move that surprised many observers.",
    ]
    form = rng.choice(forms)
    cap = clause[0].upper() + clause[1:]
    return form.format(When=when[0].upper() + when[1:], when=when, clause=clause, Clause=cap, outlet=outlet)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


class Story:
    """One topic: its cast and events, and the articles written about it."""

    def __init__(self, rng: random.Random, articles: int) -> None:
        self.rng = rng
        self.kind = rng.choice(KINDS)
        self.cast = {"country": rng.choice(COUNTRIES), "place": rng.choice(PLACES), "org": rng.choice(ORGS),
                     "actor": f"{rng.choice(TITLES)} {_person(rng)}"}
        self.title = _fill(self.kind.title, rng, self.cast)
        self.title = self.title[0].upper() + self.title[1:]
        start = date(rng.randint(2014, 2023), rng.randint(1, 12), rng.randint(1, 28))
        span = min(60 + articles * 2, 1500)
        count = 10 + articles // 25
        self.events = sorted(
            (Event(start + timedelta(days=rng.randint(0, span)),
                   _fill(rng.choice(self.kind.events), rng, self.cast)) for _ in range(count)),
            key=lambda e: e.when)
        self.start, self.end = self.events[0].when, self.events[-1].when + timedelta(days=10)
        self.speakers = [(f"{_person(rng)}, {rng.choice(ROLES)}") for _ in range(6)]

    def article(self, published: date, outlet: str) -> tuple[str, str]:
        """(title, body) of one article written on `published`."""
        rng = self.rng
        known = [event for event in self.events if event.when <= published] or self.events[:1]
        latest = known[-max(1, min(len(known), rng.randint(1, 3))):]
        older = rng.sample(known[:-len(latest)], min(len(known) - len(latest), rng.randint(4, 10))) \
            if len(known) > len(latest) else []
        older.sort(key=lambda e: e.when)
        paragraphs: list[str] = []
        lede = [_sentence(e.clause, _when(e.when, published, rng), rng, outlet) for e in reversed(latest)]
        paragraphs.append(" ".join(lede[:2]))
        if len(lede) > 2:
            paragraphs.append(lede[2])
        quotes = rng.sample([*self.kind.quotes, *GENERIC_QUOTES], rng.randint(3, 5))
        details = rng.sample(DETAILS, rng.randint(7, 11))
        for number, words in enumerate(quotes[:-1]):
            paragraphs.append(self._quote(words, outlet, published))
            paragraphs.append(" ".join(self._detail(d) for d in details[number * 2:number * 2 + 2])
                              or rng.choice(REACTION))
        if rng.random() < 0.6:
            denial = _fill(rng.choice(self.kind.denials), rng, self.cast)
            paragraphs.append(denial[0].upper() + denial[1:] + ".")
        if older:
            if rng.random() < 0.4:
                paragraphs.append("## " + rng.choice(HEADINGS))
            for group in range(0, len(older), 2):
                paragraphs.append(" ".join(_sentence(e.clause, _when(e.when, published, rng), rng, outlet)
                                           for e in older[group:group + 2]))
        for template in rng.sample(self.kind.background, rng.randint(1, 3)):
            text = _fill(template, rng, self.cast)
            paragraphs.append(text[0].upper() + text[1:])
        if len(quotes) * 2 - 2 < len(details):
            paragraphs.append(" ".join(self._detail(d) for d in details[len(quotes) * 2 - 2:]))
        paragraphs.append(self._quote(quotes[-1], outlet, published))
        paragraphs.append(rng.choice(REACTION))
        title = latest[-1].clause
        return title[0].upper() + title[1:], "\n\n".join(paragraphs) + "\n"

    def _detail(self, template: str) -> str:
        return _fill(template.replace("{Speaker}", self.rng.choice(self.speakers) + ","), self.rng, self.cast)

    def _quote(self, template: str, outlet: str, published: date) -> str:
        rng = self.rng
        said = rng.choice(ATTRIBUTION).format(weekday=WEEKDAYS[published.weekday()], outlet=outlet)
        words = _fill(template, rng, self.cast)
        speaker = rng.choice(self.speakers)
        if rng.random() < 0.5:
            return f"\u201c{words},\u201d {speaker}, {said}."
        name, role = speaker.split(", ", 1)
        return f"{name}, {role}, {said} that \u201c{words[0].lower() + words[1:]}.\u201d"


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:60].strip("-")


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_corpus(content: Path, topics: int, articles: int, seed: int = 1, outlets: int = len(OUTLETS)) -> int:
    """Write `topics` topic folders of `articles` articles each under `content`, from the first `outlets` outlets
    (a big story told by a few outlets, as the browser tests need); returns the article count."""
    rng = random.Random(seed)
    reporting = OUTLETS[:outlets]
    written = 0
    for number in range(topics):
        story = Story(rng, articles)
        slug = f"{_slug(story.title)[:50].strip('-')}-{number + 1}"
        folder = content / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "topic.yml").write_text(
            f"title: {_quoted(story.title)}\ndescription: {_quoted('Generated story number ' + str(number + 1))}\n"
            f"tags: [{_quoted(story.kind.title.split()[0].strip('{}'))}]\n", encoding="utf-8")
        bodies: list[tuple[str, str]] = []
        days = max(1, (story.end - story.start).days)
        for index in range(articles):
            published = story.start + timedelta(days=rng.randint(days // 5, days))
            outlet, domain = rng.choice(reporting)
            copy = bodies and rng.random() < 0.08
            if copy:
                source_id, body = rng.choice(bodies)
                title = rng.choice(story.events).clause.capitalize()
                body = body.replace("officials", "authorities", 1)
            else:
                title, body = story.article(published, outlet)
            article_id = f"{published.isoformat()}-{_slug(outlet)}-{index + 1}"
            lines = ["---", f"title: {_quoted(title)}", f"outlet: {_quoted(outlet)}",
                     f"url: https://{domain}/{published.year}/{_slug(title)}-{index + 1}",
                     f"published: \"{published.isoformat()}\"", f"author: {_quoted(_person(rng))}"]
            if copy:
                lines.append(f"syndicated_from: {source_id}")
            elif outlet in WIRES:
                bodies.append((article_id, body))
            lines.append("---")
            (folder / f"{article_id}.md").write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
            written += 1
    return written
