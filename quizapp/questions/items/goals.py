"""Items about what parties aim, plan or call for: the aim asked with the goal's own verb, the party
asked for an aim it stated, a true statement of a specific aim."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from ..blanks import (
    BLANK,
    _blank,
    _cloze_text,
    _enough_context,
)
from ..goal_views import goal_question, goal_statement, list_items, short_forms
from ..labels import (
    _QUALITY_POOL,
    COUNTRY_ADJ,
    _articles,
    _cap,
    _clean,
    _country,
    _family,
    _full_name,
    _name,
    _the,
)
from ..normalise import (
    contains_phrase,
    normalise,
)
from ..rank import _Cand
from ..render import (
    with_the,
)
from ..sentences import (
    find_span,
    words,
)


class GoalItems:
    """Mixed into the generator: uses its ``corpus``, ``rng`` and building blocks (``make``, ``mc``,
    ``true_false``, ``cloze``, ``near``)."""

    def goal(self, f: Any) -> list[_Cand | None]:
        c = self.corpus
        v = c.goal_views.get(f.id)
        if v is None:
            return []
        if v.verb not in COMMITMENT_VERBS:
            # a looser aim is only restated (true or false), never asked for or blanked
            true_stmt = goal_statement(v)
            if true_stmt and re.search(r"\d|\b[A-Z][a-z]+\b", v.goal):
                src = [{"article": v.article, "sentence": v.sentence}]
                return [self.true_false(f, true_stmt, None, "tf:goal", sources=src,
                                        penalty=(0.05 if v.resolved else 0.0) + 0.1)]
            return []
        out: list[_Cand | None] = []
        src = [{"article": v.article, "sentence": v.sentence}]
        true_stmt = goal_statement(v)
        expl = true_stmt or _cap(_clean(f.statement)) + "."
        penalty = 0.05 if v.resolved else 0.0
        kw = {"sources": src, "explanation": expl, "penalty": penalty}
        question = goal_question(v)
        out.append(self.goal_who(f, v, true_stmt, kw))
        # Distractors: goals of the same form stated by parties that share nobody with this actor,
        # that no overlapping actor also stated, and that do not name this actor (China's "work
        # with Russia to ..." is no wrong answer about Russia): never a true alternative.
        mine = c.goals_of(v.parties)
        mine_n = [normalise(m) for m in mine]
        pool = []
        for w in c.goal_views.values():
            if w.parties & v.parties or w.form != v.form or len(words(w.goal)) > 2 * len(words(v.goal)) + 4:
                continue
            if c.actor_parties(w.goal) & v.parties:
                continue
            if _like_any(normalise(w.goal), mine_n, 80):
                continue
            pool.append((0 if w.article == v.article else 2, w.goal))
        if ASK_FOR_AIMS and question and sum(1 for t, _ in pool if t == 0) >= 2:
            # foils are other parties' aims in the same article (at most one from elsewhere)
            near = [(t, g) for t, g in pool if t == 0]
            far = sorted(g for t, g in pool if t != 0)
            self.rng.shuffle(far)
            out.append(self.mc([f], "mc:goal", question, v.goal, [], near + [(2, g) for g in far[:1]], **kw))
            if len(words(v.goal)) <= 6 and not c.verb_ambiguous(v):
                out.append(self.make("short_answer", [f], "sa:goal", question, v.goal, short_forms(v.goal),
                                     dq=0.5, **kw))
        items = list_items(v.goal)
        if len(items) >= 3 and true_stmt:
            item = items[-1] if len(items[-1]) > 3 else max(items, key=len)
            span = find_span(true_stmt, item)
            if span:
                blanked = true_stmt[:span[0]] + BLANK + true_stmt[span[1]:]
                prompt = f"Which word completes the sentence? {blanked}"
                said = {normalise(w) for m in mine for w in re.findall(r"[\w-]+", m)}
                item_pool = [(0, i) for w in c.goal_views.values() for i in list_items(w.goal)
                             if normalise(i) not in said]
                item_pool += [(1, q) for q in _QUALITY_POOL if normalise(q) not in said]
                out.append(self.mc([f], "mc:item", prompt, item, [], item_pool, **kw))
        # cloze: the goal itself when short, else one list item, in the source sentence (a
        # blanked aim has several fair wordings, so it ranks below the goal's other items; it is
        # kept because a flashcard needs a typed or chosen front)
        text = _cloze_text(v.sentence, c.published.get(v.article))
        if text:
            target = v.goal if len(words(v.goal)) <= 8 else (items[-1] if len(items) >= 3 else None)
            if target:
                found = _blank(text, [target])
                if found and _enough_context(found[0]):
                    out.append(self.make("cloze", [f], "cloze", found[0], found[1], [target], dq=0.5,
                                         **{**kw, "penalty": kw.get("penalty", 0.0) + 0.05}))
        # A true statement only when the aim is specific (a name or a number in it): "the
        # Committee will consider inscriptions" is a truism.
        if true_stmt and re.search(r"\d|\b[A-Z][a-z]+\b", v.goal):
            # False variant: the actor opposing its own goal. Never another party's goal swapped
            # in: that is false in the corpus but often true in the world ("Xi Jinping insisted on
            # the one-China principle"). Checked: no fact has this actor opposing this goal.
            # No false variant made by inserting "not": a reader spots it without the article.
            out.append(self.true_false(f, true_stmt, None, "tf:goal", sources=src, penalty=penalty + 0.1))
        return out

    def goal_who(self, f: Any, v: Any, true_stmt: str | None, kw: dict) -> _Cand | None:
        """"Who pledged to promote diversity within Interpol?": the aim stated in the article's
        words, the party to pick; foils are other people (or bodies, or countries) of the same
        story who stated no such aim, so each is checked false."""
        lead = _cap(with_the(v.actor))
        if not true_stmt or v.verb == "should" or not true_stmt.startswith(lead):
            return None
        c = self.corpus
        topic = c.topic_of.get(v.article, v.article)
        here = {a for a, t in c.topic_of.items() if t == topic} | {v.article}
        people = {normalise(_name(g)) for g in c.leaders}
        is_person = any(normalise(p) in people for p in v.parties) and len(v.parties) <= 2
        countries = {normalise(_country(g)) for g in c.leaders if g.country}
        is_country = not is_person and all(p in countries for p in v.parties)
        bare = normalise(re.sub(r"^the\s+", "", v.actor, flags=re.I))
        body = next((g for g in c.mechanisms if bare in {normalise(x) for x in [_name(g), *g.aliases] if x}), None)
        answer = v.actor
        if is_person:
            cands = [(_name(g), g) for g in c.leaders if _name(g) and len(_name(g).split()) > 1]
            word = "Who"
        elif is_country:
            cands = [(_country(g), g) for g in c.leaders if g.country and _country(g) in COUNTRY_ADJ]
            word = "Which country"
        elif body is not None and _family(body) == "body":
            # the body under its full name; none of its other names is a foil
            answer = _the(_full_name(body) or v.actor)
            mine_forms = {normalise(x) for x in [_name(body), *body.aliases] if x}
            cands = [(_the(_full_name(g)), g) for g in c.mechanisms
                     if _full_name(g) and _family(g) == "body" and " " in _full_name(g)
                     and not mine_forms & {normalise(x) for x in [_name(g), *g.aliases] if x}]
            word = "Which body"
        else:
            return None  # not known to be a person, country or body: no safe foils
        if len(v.actor.split()) > 8:
            return None
        mine = [normalise(m) for m in c.goals_of(v.parties)]
        pool: list[tuple[int, str]] = []
        for name, g in cands:
            ps = c.actor_parties(name)
            if ps & v.parties or normalise(name) in v.parties or contains_phrase(v.actor, name):
                continue
            if any(_like_any(normalise(t), mine, 70) for t in c.goals_of(ps)):
                continue  # they stated a like aim: not a wrong answer
            pool.append((0 if _articles(g) & here else 3, name))
        pool = [(t, n) for t, n in pool if t == 0]  # foils from this story only
        if len(pool) < 3:
            return None
        rest = true_stmt[len(lead):].strip().rstrip(".")
        prompt = f"{word} {rest}?"
        answer = _cap(answer)
        return self.mc([f], "mc:who", prompt, answer, [v.actor], [(t, _cap(n)) for t, n in pool],
                       person=is_person, **kw)


# "What did X agree to do?" with other aims as options: blind reviews accepted none of 14 over three
# rounds (a quote read as an aim, a second right option, an aim that needs its story). Off, with
# its tests kept; an aim is restated (true/false) or its party asked for.
ASK_FOR_AIMS = False

# Goals asked about: what a party agreed, pledged, committed to, called or urged for, resolved,
# decided, planned or proposed. Blind reviews rejected every item on a looser aim ("What did
# England aim to do?", "Which body hoped to reach 120 ...?", 0 of 8 over two rounds): the verb
# was read off a purpose clause, or the aim needed the story around it.
COMMITMENT_VERBS = frozenset({"agree", "pledge", "commit", "commitment", "call", "urge", "resolve", "decide",
                              "plan", "propose", "vow", "promise"})


def _like_any(goal: str, others: list[str], cutoff: int) -> bool:
    """Does ``goal`` read like one of ``others`` (token set ratio at least ``cutoff``)? One
    rapidfuzz pass over the list, not a Python loop: goal items compare every goal with every
    goal of every other party."""
    return bool(others) and process.extractOne(goal, others, scorer=fuzz.token_set_ratio,
                                               score_cutoff=cutoff) is not None
