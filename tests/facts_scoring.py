"""Scoring extracted facts against a hand-built gold file (shared by the gold-set tests).

Matching rule, per kind (text is normalised: lower case, curly quotes straightened, "the" and
punctuation dropped):
- date: same article, same ISO value, and the event clause contains one of the gold event cues
  ("published" for publication facts);
- leader: same full name, the role contains one of the gold role cues, and the country (when the
  gold gives one) is equal;
- mechanism: the fact's name or one of its aliases equals one of the gold name variants;
- goal: same article, the actor contains one of the gold actor cues, and the goal phrase contains
  every gold goal cue; a gold ``items`` count must be met by one matching fact's ``items``.
Recall = gold entries matched by some fact; precision = facts that match a gold or an optional
entry. Optional entries are defensible facts a careful reader may or may not list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.corpus.parse import parse_article
from quizapp.facts import article_input

KINDS = ("date", "leader", "mechanism", "goal")


def norm(text: str | None) -> str:
    s = (text or "").replace("’", "'").replace("‘", "'").lower()
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"^the\s+", "", s.strip())
    return f" {s} "


def _has(text: str, cue: str) -> bool:
    return norm(cue).strip() in norm(text)


def _articles_of(fact) -> set[str]:
    return {s.article for s in fact.sources}


def matches(fact, gold: dict) -> bool:
    if fact.kind == "mechanism":
        names = {norm(n) for n in gold["name"]}
        return any(norm(n) in names for n in [fact.name, *fact.aliases])
    if fact.kind == "leader":
        return (
            norm(fact.name) == norm(gold["name"])
            and any(_has(fact.role or "", r) for r in gold["role"])
            and ("country" not in gold or norm(fact.country) == norm(gold["country"]))
        )
    if not any(a.startswith(gold["article"]) for a in _articles_of(fact)):
        return False
    if fact.kind == "date":
        return fact.date == gold["date"] and any(_has(fact.event or "", c) for c in gold["event"])
    return any(_has(fact.actor or "", c) for c in gold["actor"]) and all(_has(fact.goal or "", c) for c in gold["goal"])


@dataclass
class KindScore:
    kind: str
    gold: int = 0
    found: int = 0
    hit_gold: int = 0
    true_pos: int = 0
    missed: list = field(default_factory=list)
    false_pos: list = field(default_factory=list)
    split: list = field(default_factory=list)  # gold entries matched by several facts
    items_wrong: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.hit_gold / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.true_pos / self.found if self.found else 1.0

    def line(self) -> str:
        return (f"{self.kind:9s} recall {self.recall:.2f} ({self.hit_gold}/{self.gold})  "
                f"precision {self.precision:.2f} ({self.true_pos}/{self.found})")


def score(facts, gold: dict) -> dict[str, KindScore]:
    out = {}
    optional = gold.get("optional", {})
    for kind in KINDS:
        ks = KindScore(kind)
        facts_k = [f for f in facts if f.kind == kind]
        entries = gold.get(kind, [])
        ks.gold, ks.found = len(entries), len(facts_k)
        for g in entries:
            hits = [f for f in facts_k if matches(f, g)]
            if hits:
                ks.hit_gold += 1
                if "items" in g and not any(len(f.items) == g["items"] for f in hits):
                    ks.items_wrong.append((g, [f.items for f in hits]))
                if kind in ("leader", "mechanism") and len(hits) > 1:
                    ks.split.append((g, [f.name for f in hits]))
            else:
                ks.missed.append(g)
        for f in facts_k:
            if any(matches(f, g) for g in entries) or any(matches(f, g) for g in optional.get(kind, [])):
                ks.true_pos += 1
            else:
                ks.false_pos.append(f)
        out[kind] = ks
    return out


def load_corpus(folder: Path):
    return [article_input(parse_article(p.name, p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.txt"))]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def describe(f) -> str:
    if f.kind == "date":
        return f"date {f.date} | {f.event} | {f.sources[0].article[:12]}"
    if f.kind == "leader":
        return f"leader {f.name} | {f.role} | {f.country}"
    if f.kind == "mechanism":
        return f"mechanism {f.name} | {f.aliases}"
    return f"goal {f.actor} | {f.goal} | {f.items} | {f.sources[0].article[:12]}"


def report(scores: dict[str, KindScore], title: str) -> str:
    lines = [title]
    for ks in scores.values():
        lines.append("  " + ks.line())
        lines += [f"    MISSED {g}" for g in ks.missed]
        lines += [f"    FALSE+ {describe(f)}" for f in ks.false_pos]
        lines += [f"    SPLIT  {g['name'][0]} -> {names}" for g, names in ks.split]
        lines += [f"    ITEMS  {g.get('goal')} want {g['items']} got {got}" for g, got in ks.items_wrong]
    return "\n".join(lines)
