"""Comparing and clustering sentences: word vectors and their cosine, blocking by an inverted index, and
union-find.

Comparing every pair of a topic's sentences grows with the square of the topic; an inverted index of each
sentence's telling keys (rare words, figures, dates) finds the few pairs worth comparing ("blocking", as
record linkage calls it), and union-find chains the pairs that match into clusters.
"""

from __future__ import annotations

import math
import operator
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)

# -- word vectors ---------------------------------------------------------------------------------


def norm(vector: Mapping[str, float]) -> float:
    """The Euclidean length of a word vector (1 for an empty one, so that dividing by it is safe)."""
    return math.sqrt(sum(weight * weight for weight in vector.values())) or 1.0


def dot(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """The dot product of two word vectors, summed over the shorter one's words in its order (the sum's order
    fixes its last bits). Built from `map` and `filter`: it runs for every compared pair of wordings."""
    if len(left) > len(right):
        left, right = right, left
    shared = list(filter(right.__contains__, left))
    return sum(map(operator.mul, map(left.__getitem__, shared), map(right.__getitem__, shared)))


def cosine(left: Mapping[str, float], right: Mapping[str, float], norms: tuple[float, float]) -> float:
    """The cosine of two word vectors, given their `norm`s (worked out once per vector by the caller)."""
    product = dot(left, right)
    return product / (norms[0] * norms[1]) if product else 0.0


# -- blocking -------------------------------------------------------------------------------------


def postings(item_keys: Sequence[Iterable[Key]]) -> dict[Key, list[int]]:
    """An inverted index: each key, and the items that hold it, in item order (an item holding a key twice
    is listed twice)."""
    index: dict[Key, list[int]] = {}
    for item, keys in enumerate(item_keys):
        for key in keys:
            index.setdefault(key, []).append(item)
    return index


def later_holders(postings: Iterable[list[int]], item: int, limit: int | None = None) -> list[int]:
    """The items of some postings after `item` (at most `limit` of each, the nearest), an item once per posting
    that holds it: each pair is found once, from its first item."""
    later: list[int] = []
    for posting in postings:
        start = bisect_right(posting, item)  # postings ascend
        later += posting[start:] if limit is None else posting[start:start + limit]
    return later


def rarest(keys: Iterable[Key], frequency: Mapping[Key, int], count: int) -> list[Key]:
    """The `count` keys held by the fewest items but one (ties by key): the ones that tell an item's matches
    apart. A key no other item holds finds no match, so it takes no place among them."""
    shared = [key for key in keys if frequency[key] > 1]
    return sorted(shared, key=lambda key: (frequency[key], key))[:count]  # type: ignore[type-var]


def pairs_sharing(item_keys: Sequence[Collection[str]], minimum: int = 1, rarest_keys: int | None = None,
                  max_posting: int | None = None) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of items that share at least `minimum` keys (of their `rarest_keys` rarest keys,
    if given), in order. A key held by more than `max_posting` items is too common to pair them by."""
    if rarest_keys is not None:
        frequency: Counter[str] = Counter(key for keys in item_keys for key in keys)
        item_keys = [set(rarest(keys, frequency, rarest_keys)) for keys in item_keys]
    index = postings(item_keys)
    for item, keys in enumerate(item_keys):
        hits = Counter(later_holders((index[key] for key in keys
                                      if max_posting is None or len(index[key]) <= max_posting), item))
        yield from ((item, other) for other in sorted(hits) if hits[other] >= minimum)


# -- union-find -----------------------------------------------------------------------------------


class DisjointSet:
    """Union-find over the items 0 .. size-1. A set's root is always its smallest item, so `sets` come out in
    the order of their first items, however the pairs were joined."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        """The root of the item's set (path halving keeps the chains short)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> tuple[int, int]:
        """Join the sets of two items: (the root kept, the root joined to it; the same when they were one set)."""
        left, right = self.find(first), self.find(second)
        kept, joined = min(left, right), max(left, right)
        self._parent[joined] = kept
        return kept, joined

    def sets(self) -> list[list[int]]:
        """Every set, its items in order, the sets in the order of their first items."""
        members: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            members.setdefault(self.find(item), []).append(item)
        return [members[root] for root in sorted(members)]
