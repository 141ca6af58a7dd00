"""Keeping the best candidates: one per slot, no near-duplicates, a few per fact, then each fact's best
item before any second one and at most a budget of items an article."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from .blanks import BLANK
from .normalise import (
    normalise,
)
from .types import Question


@dataclass
class _Cand:
    question: Question
    slot: str  # "fact id|type": at most one question per slot survives


_PER_FACT = 3  # single-fact questions kept per fact: the best few, not every template


def select(cands: Sequence[_Cand], per_fact: int = _PER_FACT, budget: int | None = None,
           admit: Callable[[Question], bool] | None = None) -> list[Question]:
    """Best candidate per slot, then drop near-duplicates of a better question of the same type,
    then keep at most ``per_fact`` single-fact questions per fact (the best-scoring ones).

    A near-duplicate has a prompt within fuzz.ratio > 90 of a kept prompt *and* the same answer
    (normalised, ratio > 90): "Who is China's Foreign Minister?" and "Who is Russia's Foreign
    Minister?" differ in one word but ask different things, so both stay.

    ``admit`` is a last check of a candidate's wording, asked only of candidates still in the
    running (it may be slow: ``referents.stands_alone`` parses the wording).
    """
    # Every candidate competes; the best one per slot that passes the checks wins, so a cloze
    # whose sentence is already used falls back to the fact's next-best sentence.
    # Plain questions first: where a plain question and one that shows its source sentence
    # compete for a sentence (or a fact's few places), the plain one is the better test of recall.
    whole_bank = budget == 0
    ranked = sorted(cands, key=lambda c: (not whole_bank and _shows(c.question), -c.question.score, c.question.id,
                                          c.question.prompt))
    filled: set[str] = set()
    kept: list[Question] = []
    prompts: dict[str, list[str]] = {}
    answers: dict[str, list[str]] = {}
    per_fact_count: dict[str, int] = {}
    kept_of: dict[str, list[Question]] = {}  # single-fact questions kept, by fact
    # ``budget=0`` keeps every item that passes the checks (for tests of the templates): the
    # one-item-per-sentence rule, which is about what one quiz may hold, is then left out.
    blanked: set[str] = set()
    used_sentences: set[str] = set()  # source sentences of the items kept so far
    shown_sentences: set[str] = set()  # ...of those that show their sentence
    asked: set[tuple[str, str]] = set()  # (prompt, answer) already kept as another type
    kept_on: dict[str, list[Question]] = {}  # items kept, by source sentence
    for c in ranked:
        q = c.question
        if c.slot in filled:
            continue
        if admit is not None and not admit(q):
            continue
        sent = None
        # An item that shows its source sentence (a cloze, a "completes the sentence" choice, a
        # true/false copy) answers any other item on that sentence: one such item per sentence,
        # and no plain question ("When did ...?") on a sentence one of them shows.
        shows = _shows(q)
        if q.sources and q.type not in ("matching", "ordering"):
            src = q.sources[0]
            sent = src["sentence"] if isinstance(src, dict) else src.sentence
            if not whole_bank and sent in (used_sentences if shows else shown_sentences) and (
                    _copies(q) or any(_copies(k) or _inverse(q, k) for k in kept_on.get(sent, ()))):
                continue  # (a statement of our own words that names no other item's answer may stay)
            if whole_bank and BLANK in q.prompt and sent in blanked:
                continue  # even so, two blanks on one sentence answer each other
        if q.type not in ("matching", "ordering"):
            p, a = normalise(q.prompt), normalise(q.answer)
            if (p, a) in asked:
                continue  # the same question as multiple choice and typed: a quiz would ask it twice
            ps, ans = prompts.setdefault(q.type, []), answers.setdefault(q.type, [])
            close = process.extract(p, ps, scorer=fuzz.ratio, score_cutoff=90.0001, limit=None)
            if any(a == ans[i] or fuzz.ratio(a, ans[i]) > 90 for _, _, i in close):
                continue
            if per_fact and len(q.fact_ids) == 1:
                n = per_fact_count.get(q.fact_ids[0], 0)
                if n >= per_fact:
                    continue
                if not whole_bank and any(_inverse(q, k) for k in kept_of.get(q.fact_ids[0], ())):
                    continue  # "Who is Chile's Finance Minister?" beside "What is Rodrigo Ibáñez's role?"
                per_fact_count[q.fact_ids[0]] = n + 1
                kept_of.setdefault(q.fact_ids[0], []).append(q)
            ps.append(p)
            ans.append(a)
            asked.add((p, a))
        if sent is not None:
            kept_on.setdefault(sent, []).append(q)
            used_sentences.add(sent)
            if shows:
                shown_sentences.add(sent)
            if BLANK in q.prompt:
                blanked.add(sent)
        filled.add(c.slot)
        kept.append(q)
    return spread(kept, ARTICLE_BUDGET if budget is None else budget)


def _inverse(a: Question, b: Question) -> bool:
    """Do two questions on one fact give each other away, each naming the other's answer ("Who
    is Chile's Finance Minister?" / "What is Rodrigo Ibáñez's role?")? One quiz or deck holds one."""
    def names(q: Question, text: str) -> bool:
        return any(len(x) > 3 and normalise(x) in normalise(text) for x in [q.answer, *q.accepted_answers[:3]]
                   if x and x not in ("True", "False"))
    return names(a, b.prompt) or names(b, a.prompt)


def _copies(q: Question) -> bool:
    """Does the item print its sentence nearly whole (a blank in it)? Then it answers any other
    item on that sentence, whatever their answers."""
    return q.type == "cloze" or BLANK in q.prompt


def _shows(q: Question) -> bool:
    """Does the item show its source sentence (so that it answers other items on it)?"""
    return q.type in ("cloze", "true_false") or (BLANK in q.prompt and q.type == "multiple_choice")


# Items one article yields at most: a teacher prints a dozen or two, not a hundred to weed.
ARTICLE_BUDGET = 20


def shape_prior(qtype: str, key: str, prompt: str, kind: str) -> float:
    """What an item's shape adds to its score: how often blind raters passed the shape on unseen
    articles (rounds 37 to 54, every item of ours they rated), so that the best first items are the
    shapes that hold. A figure of an aim chosen from four passed 28 of 36; an aim's deadline ("By what
    year ...?") about three in four; a typed "who" 37 of 53; a true/false aim 59 of 98; any other
    date chosen from four about two in five, and a typed date none of three."""
    if key.startswith("mc:goal-figure"):
        return 0.12
    if qtype == "multiple_choice" and prompt.startswith(("By what year", "By when")):
        return 0.10
    if qtype == "short_answer" and kind == "leader":
        return 0.08
    if qtype == "true_false" and kind == "goal":
        return 0.04
    return 0.0


# At most this share of an article's items are true/false (the weakest test of recall).
TRUE_FALSE_SHARE = 0.3


def _article_of(q: Question) -> str:
    src = q.sources[0] if q.sources else None
    if src is None:
        return ""
    return src["article"] if isinstance(src, dict) else src.article


def spread(ranked: list[Question], budget: int = 0) -> list[Question]:
    """Best first, but each fact's best item before any fact's second one, so the top of the list
    covers many facts rather than one fact in four types; then each article's budget.

    ``ranked`` is sorted best first. An item's place is (round, -score): round 0 holds the best
    item of every fact, round 1 the second items. Within an article at most ``budget`` items
    survive (0: no limit), true/false at most ``TRUE_FALSE_SHARE`` of them.
    """
    seen: dict[str, int] = {}
    placed: list[tuple[int, int, Question]] = []
    for i, q in enumerate(ranked):
        key = ",".join(q.fact_ids)
        rnd = seen.get(key, 0)
        seen[key] = rnd + 1
        placed.append((rnd, i, q))
    placed.sort(key=lambda t: (t[0], t[1]))
    per_article: dict[str, int] = {}
    tf_article: dict[str, int] = {}
    out: list[Question] = []
    for _rnd, _i, q in placed:
        art = _article_of(q)
        n = per_article.get(art, 0)
        if budget and n >= budget:
            continue
        if q.type == "true_false" and budget:
            t = tf_article.get(art, 0)
            if t + 1 > max(2, int(TRUE_FALSE_SHARE * budget)):
                continue
            tf_article[art] = t + 1
        per_article[art] = n + 1
        out.append(q)
    return out


# -- what real use teaches the ranking ----------------------------------------------------------
# Reviewers' and students' verdicts become score factors, by pattern (question type and fact kind,
# i.e. the template family) and by question. A pattern whose questions are often retired or
# reported sinks below the generator's other choices for the same fact; one reviewers approve rises
# a little. Pure: the counts come in (``curation.learned_factors`` reads them), factors go out.

# Counts a pattern's shares are smoothed towards zero with: a single report among a few questions
# should not bury a whole template.
PRIOR_QUESTIONS = 5
MIN_FACTOR, MAX_FACTOR = 0.3, 1.15


@dataclass(frozen=True)
class PatternStats:
    """How one pattern (or one question) fared: questions seen, how many students reported, how
    many reviewers retired or approved, and how many were flagged by their item statistics."""

    questions: int = 0
    reported: int = 0
    retired: int = 0
    approved: int = 0
    flagged: int = 0


def pattern_key(qtype: str, fact_kind: str | None) -> str:
    return f"pattern:{qtype}|{fact_kind or ''}"


def question_key(uid: str) -> str:
    return f"question:{uid}"


def pattern_factor(s: PatternStats) -> float:
    """The score factor of a pattern: 1 when nothing is known; retirements weigh most, then reports
    and statistical flags; approvals lift it a little."""
    n = s.questions + PRIOR_QUESTIONS
    bad = (1.0 * s.retired + 0.5 * s.reported + 0.25 * s.flagged) / n
    good = 0.15 * s.approved / n
    return round(min(MAX_FACTOR, max(MIN_FACTOR, 1.0 - bad + good)), 4)


def question_factor(reports: int, retired: bool, approved: bool) -> float:
    """One question's own factor: each open report costs a fifth (at most three count), a
    retirement sinks it to the floor, an approval outweighs the reports (a reviewer looked)."""
    if retired:
        return MIN_FACTOR
    if approved:
        return 1.1
    return round(max(MIN_FACTOR, 1.0 - 0.2 * min(reports, 3)), 4)


def learned_score(q: Question, learned: dict[str, float] | Any) -> float:
    """``q``'s generator score times its pattern's and its own learned factors."""
    factor = learned.get(pattern_key(q.type, q.fact_kind), 1.0) * learned.get(question_key(q.id), 1.0)
    return round(q.score * factor, 4)
