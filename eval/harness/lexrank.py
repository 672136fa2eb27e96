"""LexRank (Erkan & Radev 2004), the summary baseline: sentences ranked by their centrality among all sentences.

Our own sentence splitting feeds it (sumy's LexRank needs NLTK's punkt data, which cannot be fetched here).
TF-IDF cosine graph thresholded at 0.1 (no self-links), PageRank with damping 0.85; the summary takes sentences in
rank order, skipping one that repeats a chosen sentence (cosine above 0.5), until the word budget.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

THRESHOLD = 0.1
DAMPING = 0.85
REDUNDANT = 0.5
_BLOCK_ROWS = 512
_WORD = re.compile(r"[^\W_]+")


def _vectors(sentences: Sequence[str]):
    import numpy as np
    from scipy import sparse

    bags = [Counter(_WORD.findall(sentence.lower())) for sentence in sentences]
    document_frequency: Counter[str] = Counter(word for bag in bags for word in bag)
    vocabulary = {word: index for index, word in enumerate(sorted(document_frequency))}
    total = len(bags)
    rows, cols, values = [], [], []
    for row, bag in enumerate(bags):
        for word, count in bag.items():
            rows.append(row)
            cols.append(vocabulary[word])
            values.append(count * math.log(total / document_frequency[word]))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(total, len(vocabulary)), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


def _links(vectors):
    """The graph: 1 where two sentences' cosine passes THRESHOLD (no self-links), computed a block of rows at a
    time: the full product of a long story's sentences is nearly dense (shared common words), and held whole it
    takes many gigabytes."""
    import numpy as np
    from scipy import sparse

    count = vectors.shape[0]
    transposed = vectors.T.tocsc()
    blocks = []
    for start in range(0, count, _BLOCK_ROWS):
        block = (vectors[start:start + _BLOCK_ROWS] @ transposed).tocoo()
        keep = (block.data > THRESHOLD) & (block.row + start != block.col)  # a sentence does not vouch for itself
        blocks.append(sparse.csr_matrix((np.ones(int(keep.sum())), (block.row[keep], block.col[keep])),
                                        shape=block.shape))
    return sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((0, 0))


def rank(sentences: Sequence[str]) -> list[int]:
    """Sentence indices, most central first (ties: earlier first)."""
    import numpy as np

    if not sentences:
        return []
    vectors = _vectors(sentences)
    from scipy import sparse

    similarity = _links(vectors)
    degree = np.asarray(similarity.sum(axis=1)).ravel()
    dangling = degree == 0
    degree[dangling] = 1.0
    transition = (sparse.diags(1.0 / degree) @ similarity).T.tocsr()
    count = len(sentences)
    scores = np.full(count, 1.0 / count)
    for _ in range(200):
        spread = scores[dangling].sum() / count  # a sentence linked to none passes its share to all, as in PageRank
        updated = (1 - DAMPING) / count + DAMPING * (transition @ scores + spread)
        converged = np.abs(updated - scores).sum() < 1e-9
        scores = updated
        if converged:
            break
    return sorted(range(count), key=lambda index: (-round(float(scores[index]), 12), index))


def summarise(sentences: Sequence[str], words: int) -> list[str]:
    """The most central sentences, none repeating another, until `words` words."""
    unique = list(dict.fromkeys(sentence for sentence in sentences if sentence.strip()))
    if not unique:
        return []
    vectors = _vectors(unique)
    chosen: list[int] = []
    total = 0
    for index in rank(unique):
        if chosen and (vectors[chosen] @ vectors[index].T).max() > REDUNDANT:
            continue
        chosen.append(index)
        total += len(unique[index].split())
        if total >= words:
            break
    return [unique[index] for index in chosen]
