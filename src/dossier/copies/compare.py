"""The exact comparison of a candidate pair, and what it means (thresholds in config.py).

Candidates come from the LSH index; here their shingle sets are compared exactly, so the index
only decides which pairs are looked at, never what they are.
"""

from __future__ import annotations

import numpy as np

from ..config import Settings
from ..models import CopyLink, LinkKind, Verdict
from .fingerprints import Fingerprint


def coverage(link: CopyLink) -> float:
    """Share of the longer text's shingles that are the shorter text's, from the link's Jaccard
    similarity J and containment C: with s, l the set sizes, J = Cs / (s + l - Cs)."""
    if link.jaccard <= 0 or link.containment <= 0:
        return 0.0
    return link.containment / (link.containment / link.jaccard - 1 + link.containment)


def compare(first: Fingerprint, second: Fingerprint, settings: Settings) -> CopyLink | None:
    """The link between two documents, or None when they are not even possible copies."""
    x, y = sorted((first, second), key=lambda fp: fp.document_id)
    if x.exact_key == y.exact_key:
        return CopyLink(x.document_id, y.document_id, LinkKind.EXACT, Verdict.COPY, 1.0, 1.0,
                        "the same text once punctuation, case and spacing are ignored")
    shared = int(np.intersect1d(x.shingles, y.shingles, assume_unique=True).size)
    if not shared:
        return None
    short, long = sorted((x, y), key=lambda fp: (fp.size, fp.document_id))
    jaccard = shared / (x.size + y.size - shared)
    containment = shared / short.size
    fills = shared / long.size
    share = f"{jaccard:.0%} of their {settings.shingle_words}-word sequences in common"
    contained = f"{containment:.0%} of the shorter text is inside the longer one"
    long_enough = short.words >= settings.containment_min_words
    # A shorter text inside a longer one that has much of its own (a fifth or more) is judged
    # as contained, even when their Jaccard similarity is high: a press statement can fill
    # half of a short article quoting it, and must still be able to stay its own origin.
    if long_enough and containment >= settings.copy_containment and (
            fills < settings.near_min_coverage or jaccard < settings.copy_jaccard):
        return CopyLink(x.document_id, y.document_id, LinkKind.CONTAINED, Verdict.COPY,
                        jaccard, containment, f"{contained}, which it fills {fills:.0%} of",
                        inside=short.document_id)
    if jaccard >= settings.copy_jaccard:
        return CopyLink(x.document_id, y.document_id, LinkKind.NEAR, Verdict.COPY, jaccard,
                        containment, f"near-duplicates: {share}")
    if long_enough and containment >= settings.possible_containment:
        return CopyLink(x.document_id, y.document_id, LinkKind.CONTAINED, Verdict.POSSIBLE,
                        jaccard, containment, f"possible copy: {contained}",
                        inside=short.document_id)
    if jaccard >= settings.possible_jaccard:
        return CopyLink(x.document_id, y.document_id, LinkKind.NEAR, Verdict.POSSIBLE, jaccard,
                        containment, f"possible copy: {share}")
    return None
