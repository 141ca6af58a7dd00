"""Quizlet's export text: cards split by a card separator (new line, ";" or one the user chose),
term and definition by a term separator (tab, "," or one the user chose). Quizlet writes no
header, so both separators are guessed from the text and the guess is shown (and can be
overridden) before anything is imported. Cards become typed-answer questions (term → definition)
or, on request, multiple choice with distractors taken from the same set's other definitions."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..formats import MAX_QUESTIONS, ParseResult, QuestionData, Row, check

TERM_SEPARATORS = {"tab": "\t", "comma": ",", "dash": " - "}
CARD_SEPARATORS = {"newline": "\n", "semicolon": ";"}
SEP_NAMES = {"\t": "tab", ",": "comma", " - ": "dash", "\n": "new line", ";": "semicolon"}
MC_CHOICES = 4


@dataclass(frozen=True)
class Guess:
    term_sep: str
    card_sep: str
    share: float  # fraction of cards that hold the term separator
    sure: bool


def _cards(text: str, card_sep: str) -> list[str]:
    return [c.strip() for c in text.split(card_sep) if c.strip()]


def guess_separators(text: str) -> Guess | None:
    """The separator pair that splits the most cards into term and definition. Ties go to
    Quizlet's defaults (tab, new line); "unsure" when some cards do not split or another pair
    splits as well with a different result."""
    text = text.replace("\r\n", "\n")
    scored: list[tuple[float, int, str, str]] = []
    for ci, card_sep in enumerate(("\n", ";")):
        cards = _cards(text, card_sep)
        if not cards or (card_sep == ";" and len(cards) < 2):
            continue
        for ti, term_sep in enumerate(("\t", ",", " - ")):
            if term_sep == card_sep:
                continue
            share = sum(1 for c in cards if term_sep in c) / len(cards)
            # a term separator found in every card but also inside definitions is still a fit
            scored.append((share, -(ci * 3 + ti), term_sep, card_sep))
    scored = [s for s in scored if s[0] > 0]
    lines = _cards(text, "\n")
    by_line = max((s[0] for s in scored if s[3] == "\n"), default=0.0)
    if len(lines) > 1 and by_line >= 0.8:
        scored = [s for s in scored if s[3] == "\n"]  # ";" exports are one line long
    elif len(lines) <= 1:
        scored = [s for s in scored if s[3] == ";"] or scored
    if not scored:
        return None
    scored.sort(reverse=True)
    best = scored[0]
    rivals = [s for s in scored[1:] if s[0] == best[0]]
    sure = best[0] == 1.0 and not (rivals and best[2] != "\t")
    return Guess(best[2], best[3], best[0], sure)


def looks_like_quizlet(text: str) -> bool:
    g = guess_separators(text)
    return g is not None and g.share >= 0.8


def parse_quizlet(text: str, term_sep: str | None = None, card_sep: str | None = None,
                  multiple_choice: bool = False) -> ParseResult:
    res = ParseResult("quizlet")
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    guess = guess_separators(text)
    if term_sep is None or card_sep is None:
        if guess is None and (term_sep is None or card_sep is None):
            res.file_errors.append("Could not find a term/definition separator (tab, comma or dash); "
                                   "say which separators the file uses.")
            return res
        term_sep = term_sep or guess.term_sep
        card_sep = card_sep or guess.card_sep
        if guess and not guess.sure:
            res.warnings.append("Not sure of the separators: check the preview, and if cards are split "
                                "wrongly choose the separators on the import page.")
    res.warnings.insert(0, f"Quizlet text: term and definition separated by {SEP_NAMES.get(term_sep, repr(term_sep))}, "
                           f"cards by {SEP_NAMES.get(card_sep, repr(card_sep))}.")
    cards = _cards(text, card_sep)
    if len(cards) > MAX_QUESTIONS:
        res.file_errors.append(f"The file has {len(cards)} cards; the limit is {MAX_QUESTIONS}.")
        return res
    pairs: list[tuple[str, str] | None] = []
    for card in cards:
        if term_sep in card:
            term, definition = card.split(term_sep, 1)
            pairs.append((" ".join(term.split()), " ".join(definition.split())))
        else:
            pairs.append(None)
    definitions = list(dict.fromkeys(p[1] for p in pairs if p and p[1]))
    line = 1
    for i, (card, pair) in enumerate(zip(cards, pairs, strict=True), 1):
        errors: list[str] = []
        q = None
        if pair is None:
            errors.append(f"No {SEP_NAMES.get(term_sep, repr(term_sep))} between term and definition.")
        else:
            term, definition = pair
            if not term or not definition:
                errors.append("The term or the definition is empty.")
            q = QuestionData(type="short_answer", prompt=term, answer=definition)
            if multiple_choice and definition:
                others = [d for d in definitions if d.casefold() != definition.casefold()]
                rng = random.Random(f"{term}\x1f{definition}")  # the same file previews the same
                picks = rng.sample(others, min(MC_CHOICES - 1, len(others)))
                choices = [definition, *picks]
                rng.shuffle(choices)
                q = QuestionData(type="multiple_choice", prompt=term, answer=definition, choices=choices)
            q, errors = check(q, errors)
        res.rows.append(Row(i, line if card_sep == "\n" else None, card[:200], q, errors))
        if card_sep == "\n":
            line += 1
    if not cards:
        res.file_errors.append("The file has no cards.")
    return res
