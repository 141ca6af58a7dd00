"""Extraction speed: the whole fact pipeline against bare spaCy on exactly the same sentences.

Both sides see the same sentence texts, in the same order, with the same batch size, after the
model is loaded and warmed up once, so the ratio measures only what the rules and merging add on
top of ``nlp.pipe``. The seeds are repeated under distinct article keys until there are at least
``min_words`` words, so merging sees many articles (as with a real corpus), not one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
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

    @property
    def extract_wps(self) -> float:
        return self.words / self.extract_s

    @property
    def spacy_wps(self) -> float:
        return self.words / self.spacy_s

    @property
    def ratio(self) -> float:
        return self.extract_wps / self.spacy_wps

    def to_json(self) -> dict:
        return {
            "articles": self.articles, "sentences": self.sentences, "words": self.words,
            "facts": self.facts, "extract_seconds": round(self.extract_s, 3),
            "spacy_seconds": round(self.spacy_s, 3), "extract_words_per_s": round(self.extract_wps),
            "spacy_words_per_s": round(self.spacy_wps), "ratio": round(self.ratio, 3),
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


def run(seeds: Path, min_words: int = 50_000, batch_size: int = 64, rounds: int = 2) -> ExtractionResult:
    articles = corpus(seeds, min_words)
    texts = [s.text for a in articles for s in a.sentences]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    for _ in nlp.pipe(texts[:200], batch_size=batch_size):  # warm up: first calls allocate
        pass
    # Alternate the two measurements and keep each side's best, so a busy neighbour on the
    # shared machine does not bias one side.
    best_spacy = best_extract = float("inf")
    facts = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        best_spacy = min(best_spacy, time.perf_counter() - t0)
        t0 = time.perf_counter()
        facts = len(extract(articles, batch_size=batch_size))
        best_extract = min(best_extract, time.perf_counter() - t0)
    return ExtractionResult(len(articles), len(texts), words, facts, best_extract, best_spacy)
