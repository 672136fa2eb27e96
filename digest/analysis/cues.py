"""Word lists that the contested-point detectors and source cards read.

These are general English news cues (how reporters write denials, attributions, hedged
figures and evaluations), not the vocabulary of any one story. Every list is a plain
literal so a maintainer can read, extend and test it.
"""

from __future__ import annotations

import re

from digest.language.attribution import unquoted
from digest.language.lexicon import wordset
from digest.language.tokens import tokens
from digest.memo import per_topic

ORDINALS = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|initial|final|"
                      r"latest|another|renewed|\d+(?:st|nd|rd|th))\b", re.I)
"""Words that tell one occurrence of a recurring event from another ("the second round of talks")."""


# -- denial and dispute -----------------------------------------------------------------------

DENIAL_WORDS = ("denied", "denies", "deny", "denying", "rejected", "rejects", "reject", "rejecting", "disputed",
                "disputes", "dispute", "disputing", "refuted", "refutes", "refute", "rebutted", "rebuts", "dismissed",
                "dismisses", "dismissing", "contested", "contradicted", "contradicts", "repudiated", "disavowed",
                "downplayed", "downplays", "challenged", "challenges", "questioned")
"""The one-word verbs with which an actor says a claim is untrue."""
DENIAL_VERB = "(?:" + "|".join((*DENIAL_WORDS, r"played\s+down", r"plays\s+down")) + ")"
"""Verbs with which an actor says a claim is untrue."""

CLAIM_NOUN = (r"(?:claim|claims|charge|charges|accusation|accusations|allegation|allegations|assertion|"
              r"assertions|report|reports|suggestion|suggestions|account|version|criticism|criticisms|view|views|"
              r"picture|idea|notion|finding|findings|statement|statements|remarks|comments|worries|fears|concerns)")
"""Nouns that name a claim once it has been made."""

CLAIM_VERB = (r"(?:claimed|claims|claiming|alleged|alleges|accused|accuses|asserted|asserts|insisted|"
              r"insists|maintained|maintains|said|says|stated|states|reported|announced|declared|"
              r"blamed|blames)")
"""Verbs that put a claim on record."""

ACTOR = r"(?:(?:the|The)\s+)?(?:[A-Z][\w\u2019'.&-]*|U\.S\.)(?:\s+(?:of\s+)?(?:[A-Z][\w\u2019'.&-]*|U\.S\.))*"
"""A named actor: a run of capitalised words ("Baghdad", "the Foreign Ministry of Iran")."""

# -- attribution -------------------------------------------------------------------------------

SPEECH_VERBS = wordset("""
said say says stated states told announced asserted asserts declared declares claimed claims argued argues
insisted insists warned warns cautioned cautions acknowledged acknowledges added noted denied denies
denounced denounces condemned condemns criticized criticised criticizes criticises called calls urged urges
expressed expresses indicated indicates mentioned confirmed confirms maintained maintains labeled labelled
described describes accused accuses blamed blames rejected rejects welcomed welcomes praised praises
defended defends vowed vows demanded demands pledged pledges stressed stresses emphasized emphasised
signaled signalled suggested suggests conveyed conveys admitted admits complained complains objected
""")
"""Verbs that attribute a statement or position to an actor."""

# -- evaluation --------------------------------------------------------------------------------

POSITIVE_TERMS = wordset("""
vital crucial essential necessary needed required legitimate justified lawful successful effective
indispensable important beneficial valuable welcome welcomed praised defended support supports supported
constructive stabilizing stabilising helpful positive key
""")
"""Words that speak in favour of what they describe."""

NEGATIVE_TERMS = wordset("""
useless pointless futile senseless needless unnecessary illegal illegitimate unlawful unjustified
disastrous catastrophic failed reckless brutal aggression aggressive violation violations violated violate
violating infringement infringements condemned condemn condemns condemning denounced denounce denounces
denouncing criticized criticised criticizing criticising premature harmful dangerous destabilizing
destabilising provocative provocation unacceptable outrageous shameful atrocities atrocity occupation
interventionism
""")
"""Words that speak against what they describe."""

JUSTIFICATION = re.compile(r"\b(?:(?:a|in)\s+response\s+to|in\s+retaliation\s+for|retaliation\s+for|"
                           r"in\s+self-defen[cs]e|act\s+of\s+self-defen[cs]e|to\s+protect|to\s+defend)\b", re.I)
"""Phrases that present an act as answering or preventing something: a position in its favour."""

OPPOSITION = re.compile(r"\b(?:(?:cautioned|cautions|warned|warns|argued|argues|spoke|speaks|voted|votes|"
                        r"lobbied)\s+against|no\s+longer\s+(?:required|needed|necessary|justified|useful|"
                        r"wanted|welcome)|not\s+(?:required|needed|necessary|justified|welcome))\b", re.I)
"""Phrases that take a position against what follows (or, for "no longer ...", what precedes)."""

REVERSAL_NOUNS = wordset("""
withdrawal withdrawals departure departures pullout pull-out exit drawdown removal expulsion ending end
termination closure cancellation suspension halt withdraw withdrawing leave leaving
""")
"""Nouns for undoing something: opposing a withdrawal is favouring the presence."""

WEAK_ACT = re.compile(r"\b(?:recommend(?:ed|s|ing|ation)?|urg(?:ed|es|ing)|non-binding|nonbinding|"
                      r"not\s+(?:legally\s+)?binding|(?:no|not\s+have|lacks?|without)\s+(?:any\s+)?(?:legal(?:ly)?\s+)?"
                      r"binding|symbolic|advisory|call(?:ed|s)?\s+for|appeal(?:ed|s)?\s+for|requested)\b", re.I)
"""Wording that makes an act advisory: it asks, it does not decide."""

STRONG_ACT = re.compile(r"\b(?:expel(?:led|s|ling)?|expulsion|order(?:ed|s)?\s+(?:the\s+)?(?:\w+\s+){0,2}"
                        r"(?:out|to\s+leave|withdrawal|removal)|mandat(?:ed|es|ing)|compel(?:led|s)?|"
                        r"forc(?:ed|es|ing)\s+(?:\w+\s+){0,2}out|ban(?:ned|s)?|evict(?:ed|s|ing)?|"
                        r"legally\s+binding|(?<!non-)(?<!non)binding\s+(?:law|decision|resolution|order))\b", re.I)
"""Wording that makes an act decisive: it orders, it does not ask."""

# -- loaded language (source cards) -------------------------------------------------------------

LOADED_TERMS = wordset("""
useless pointless futile senseless interventionism imperialism imperialist imperialists warmonger
warmongers warmongering genocide genocidal massacre massacres slaughter slaughtered butchered butcher
atrocity atrocities barbaric barbarism savage savagery brutal brutality bloodthirsty thugs thug
puppet puppets propaganda hoax sham farce fiasco disgrace disgraceful shameful
shameless outrageous scandalous despicable heinous evil corrupt crooked treacherous
tyrant tyranny tyrannical fanatics fanatical extremist-loving cowardly cowards so-called
illegitimate lying liar liars debacle idiotic absurd ludicrous ridiculous
pathetic infamous notorious vile sinister nefarious diabolical plundered plunder
occupiers invaders crusade crusaders apartheid ethnic-cleansing
""")
"""Words of opinion or emotional charge that a neutral news report leaves to quotations."""

LOADED_PHRASES = re.compile(r"\b(?=[ewbrfcpi])"  # their first letters, so that other words fail fast
                            r"(?:ethnic\s+cleansing|war\s+crimes?|war\s+criminals?|blood\s+on\s+(?:their|his|"
                            r"her)\s+hands|reign\s+of\s+terror|false\s+flag|crimes\s+against\s+humanity|"
                            r"puppet\s+government|illegal\s+occupation|forever\s+wars?)\b", re.I)
"""Loaded expressions of several words."""


def loaded_words(text: str) -> list[str]:
    """Loaded words of a text that stand outside quotation marks, in text order."""
    return list(_loaded_words(text))


@per_topic(65536)
def _loaded_words(text: str) -> tuple[str, ...]:
    """`loaded_words`, once per distinct text: news copies repeat sentences word for word."""
    free = unquoted(text)
    found = [match.group(0).lower() for match in LOADED_PHRASES.finditer(free)]
    found += [word for word in tokens(free) if word in LOADED_TERMS]
    return tuple(found)
