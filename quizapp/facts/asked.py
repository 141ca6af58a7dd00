"""A dated clause in parts: who, the verb's form, what. From the same parts come the "when" question
("When did the IMF approve a 48-month arrangement?") and the event as a timeline line ("The IMF
approves a 48-month arrangement"), which ordering and matching items list.

Why one set of parts for both: a list of events built from the article's cut text failed every blind
review (0 of 16); the parse that wrote a clean question already knows the subject, the verb and its
object, so the line is written from it, in the historic present a timeline uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Verbs whose third person is not the lemma plus -s.
_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


@dataclass(frozen=True)
class Asked:
    form: str  # "did", "was", "were", "will", "must", "does", "do", or "is"/"are" of a plan ("is due to")
    subject: str  # as the question writes it ("the IMF", "Kenyan President William Ruto")
    lemma: str  # the verb as the question writes it after the form ("approve", "adopted", "due to take")
    tail: str  # what follows the verb ("a 48-month arrangement")
    plural: bool = False  # several parties or a plural noun ("Mali, Niger and Chad", "the ministers")
    by: bool = False  # the date is a plan's deadline ("aims to complete ... by 2026")

    @property
    def question(self) -> str:
        return f"{'By when' if self.by else 'When'} {self.form} {self.subject} {self.lemma}" \
               f"{(' ' + self.tail) if self.tail else ''}?"

    @property
    def clause(self) -> str:
        """The event in the historic present ("The convention enters into force"); a plan keeps its
        "will" and a passive its voice ("The convention is opened for signature")."""
        if self.form in ("did", "does", "do"):
            first, _, rest = self.lemma.partition(" ")  # ("plan to begin": the first verb agrees)
            verb = self.lemma if self.plural else " ".join(filter(None, [third_person(first), rest]))
        elif self.form in ("was", "were"):
            verb = f"{'are' if self.form == 'were' or self.plural else 'is'} {self.lemma}"
        else:
            verb = f"{self.form} {self.lemma}"
        text = f"{self.subject} {verb}{(' ' + self.tail) if self.tail else ''}"
        return text[:1].upper() + text[1:]


def third_person(lemma: str) -> str:
    """"approve" -> "approves", "launch" -> "launches", "carry" -> "carries" (regular English;
    the few irregular verbs a news clause uses are listed)."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"
