"""Extraction speed: the whole fact pipeline against bare spaCy on exactly the same sentences.

Both sides see the same sentence texts, in the same order, with the same batch size, after the
model is loaded and warmed up once, so the ratio measures only what the rules and merging add on
top of ``nlp.pipe``. The seeds are repeated under distinct article keys until there are at least
``min_words`` words, so merging sees many articles (as with a real corpus), not one.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..corpus.parse import parse_article, read_article_file
from ..facts import ArticleInput, article_input
from ..facts.extract import extract
from ..facts.nlp import load_nlp


@dataclass
class ExtractionResult:
    articles: int
    sentences: int
    words: int
    facts: int
    extract_s: float
    spacy_s: float
    round_ratios: list[float] = field(default_factory=list)

    @property
    def extract_wps(self) -> float:
        return self.words / self.extract_s

    @property
    def spacy_wps(self) -> float:
        return self.words / self.spacy_s

    @property
    def ratio(self) -> float:
        """The median of the rounds' ratios (each round times both sides back to back), or, with
        no rounds recorded, the ratio of the best times. The shared machine's speed drifts by a
        fifth within a minute; a ratio taken within one round cancels the drift that best times
        of separate moments do not."""
        return statistics.median(self.round_ratios) if self.round_ratios else self.extract_wps / self.spacy_wps

    def to_json(self) -> dict:
        return {
            "articles": self.articles, "sentences": self.sentences, "words": self.words,
            "facts": self.facts, "extract_seconds": round(self.extract_s, 3),
            "spacy_seconds": round(self.spacy_s, 3), "extract_words_per_s": round(self.extract_wps),
            "spacy_words_per_s": round(self.spacy_wps), "ratio": round(self.ratio, 3),
            "round_ratio_range": [round(min(self.round_ratios), 3), round(max(self.round_ratios), 3)]
            if self.round_ratios else None,
        }


def corpus(seeds: Path, min_words: int) -> list[ArticleInput]:
    """The seed articles repeated (copy 0, 1, ...) until they hold at least ``min_words`` words."""
    base = [article_input(parse_article(p.name, read_article_file(p))) for p in sorted(seeds.glob("*.txt"))]
    if not base:
        raise SystemExit(f"no .txt articles in {seeds}")
    out: list[ArticleInput] = []
    words = 0
    copy = 0
    while words < min_words:
        for a in base:
            out.append(replace(a, key=f"copy{copy:03d}-{a.key}"))
            words += sum(len(s.text.split()) for s in a.sentences)
        copy += 1
    return out


def run(seeds: Path, min_words: int = 50_000, batch_size: int = 64, rounds: int = 6) -> ExtractionResult:
    articles = corpus(seeds, min_words)
    texts = [s.text for a in articles for s in a.sentences]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    for _ in nlp.pipe(texts[:200], batch_size=batch_size):  # warm up: first calls allocate
        pass
    # Each round times both sides back to back, the side that goes first alternating, so drift
    # of the shared machine's speed reaches both alike; the ratio is the rounds' median.
    best_spacy = best_extract = float("inf")
    facts = 0
    ratios: list[float] = []
    for i in range(rounds):
        times = {}
        for side in (("spacy", "extract") if i % 2 == 0 else ("extract", "spacy")):
            t0 = time.perf_counter()
            if side == "spacy":
                for _doc in nlp.pipe(texts, batch_size=batch_size):
                    pass
            else:
                facts = len(extract(articles, batch_size=batch_size))
            times[side] = time.perf_counter() - t0
        best_spacy, best_extract = min(best_spacy, times["spacy"]), min(best_extract, times["extract"])
        ratios.append(times["spacy"] / times["extract"])
    return ExtractionResult(len(articles), len(texts), words, facts, best_extract, best_spacy, ratios)
