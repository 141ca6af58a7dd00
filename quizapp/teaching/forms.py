"""WTForms for the teaching area (sets, questions, classes, articles, imports).

The question form delegates its rules to ``teaching.formats.validate`` so a question typed here
obeys exactly the rules an imported one does; the form only maps each problem to the field it is
about.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..bounds import FIRST_YEAR, LAST_YEAR, sane_date
from . import formats
from .formats import QuestionData
from .store import VISIBILITIES, VISIBILITY_LABELS

ROWS = 6  # blank rows offered for options, pairs and items (unused rows are ignored)



def _sane_date(form, field) -> None:
    """A date a teacher can mean: a year like 9999 would store and then break the class pages
    of every student whose time zone pushes it past the calendar's end."""
    if field.data is not None and not sane_date(field.data):
        raise ValidationError(f"Choose a date between {FIRST_YEAR} and {LAST_YEAR}.")

class SetForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give the set a title."), Length(max=200)])
    description = TextAreaField("Description (optional)", validators=[Optional(), Length(max=2000)])
    visibility = RadioField("Who can open it", choices=[(v, VISIBILITY_LABELS[v]) for v in VISIBILITIES],
                            default="private")


class QuestionForm(FlaskForm):
    """One form for every type; the page shows only the fields of ``qtype``."""

    prompt = TextAreaField("Question", validators=[Length(max=formats.MAX_PROMPT)])
    explanation = TextAreaField("Explanation shown after answering (optional)",
                                validators=[Optional(), Length(max=formats.MAX_EXPLANATION)])
    options = FieldList(StringField("Option"), min_entries=ROWS, max_entries=formats.MAX_OPTIONS)
    correct = RadioField("Correct option", choices=[(str(i), f"Option {i + 1}")
                                                      for i in range(formats.MAX_OPTIONS)],
                         validate_choice=False)
    truth = RadioField("The statement is", choices=[("True", "True"), ("False", "False")],
                       validate_choice=False)
    answer = StringField("Expected answer", validators=[Length(max=formats.MAX_OPTION)])
    alternatives = TextAreaField("Other accepted answers (one per line, optional)")
    lefts = FieldList(StringField("Left"), min_entries=ROWS, max_entries=formats.MAX_OPTIONS)
    rights = FieldList(StringField("Right"), min_entries=ROWS, max_entries=formats.MAX_OPTIONS)
    items = FieldList(StringField("Item"), min_entries=ROWS, max_entries=formats.MAX_OPTIONS)

    def __init__(self, qtype: str, *args, base: QuestionData | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.qtype = qtype
        self.base = base  # the question being edited (keeps difficulty, kind and sources)
        self.rule_errors: dict[str, list[str]] = {}

    # -- filling and reading -------------------------------------------------------------

    def fill(self, d: QuestionData) -> None:
        self.prompt.data = d.prompt
        self.explanation.data = d.explanation
        if d.type == "multiple_choice":
            _fill_list(self.options, d.choices)
            if d.answer in d.choices:
                self.correct.data = str(d.choices.index(d.answer))
        elif d.type == "true_false":
            self.truth.data = d.answer
        elif d.type in ("short_answer", "cloze"):
            self.answer.data = d.answer
            self.alternatives.data = "\n".join(a for a in d.accepted if a != d.answer)
        elif d.type == "matching":
            _fill_list(self.lefts, [a for a, _ in d.pairs])
            _fill_list(self.rights, [b for _, b in d.pairs])
        elif d.type == "ordering":
            _fill_list(self.items, d.items)

    def to_data(self) -> QuestionData:
        base = self.base
        d = QuestionData(
            type=self.qtype,
            prompt=self.prompt.data or "",
            explanation=self.explanation.data or "",
            difficulty=base.difficulty if base else 0.5,
            fact_kind=base.fact_kind if base else "",
            sources=list(base.sources) if base else [],
        )
        if self.qtype == "multiple_choice":
            raw = [(i, (e.data or "").strip()) for i, e in enumerate(self.options.entries)]
            d.choices = [text for _, text in raw if text]
            picked = next((text for i, text in raw if str(i) == (self.correct.data or "")), None)
            d.answer = picked or ""
            d.accepted = [d.answer] if d.answer else []
            if self.correct.data not in (None, "", "None") and not picked:
                self.rule_errors.setdefault("options", []).append("The option marked correct is empty.")
        elif self.qtype == "true_false":
            d.answer = self.truth.data or ""
            d.choices = ["True", "False"]
            d.accepted = [d.answer] if d.answer else []
        elif self.qtype in ("short_answer", "cloze"):
            d.answer = (self.answer.data or "").strip()
            alts = [a.strip() for a in (self.alternatives.data or "").splitlines() if a.strip()]
            d.accepted = list(dict.fromkeys([d.answer, *alts])) if d.answer else alts
        elif self.qtype == "matching":
            lefts = [(e.data or "").strip() for e in self.lefts.entries]
            rights = [(e.data or "").strip() for e in self.rights.entries]
            d.pairs = [[a, b] for a, b in zip(lefts, rights, strict=False) if a or b]
        elif self.qtype == "ordering":
            d.items = [(e.data or "").strip() for e in self.items.entries if (e.data or "").strip()]
        d = formats.normalise(d)
        if self.qtype in ("matching", "ordering"):
            d.answer = formats.derived_answer(d)
            d.accepted = [d.answer]
        return d

    def validate_question(self) -> QuestionData | None:
        """The question if the form and the rules accept it; otherwise errors are recorded."""
        ok = self.validate()
        d = self.to_data()
        where = {"prompt": "prompt", "explanation": "explanation", "choices": "options",
                 "answer": {"multiple_choice": "options", "true_false": "truth"}.get(self.qtype, "answer"),
                 "accepted": "alternatives", "pairs": "pairs", "items": "items"}
        for e in formats.validate(d):
            self.rule_errors.setdefault(where.get(e.field, "prompt"), []).append(e.message)
        return d if ok and not self.rule_errors else None


def _fill_list(field: FieldList, values: list[str]) -> None:
    while len(field.entries) < max(ROWS, len(values) + 1) and len(field.entries) < field.max_entries:
        field.append_entry()
    for entry, value in zip(field.entries, [*values, *[""] * len(field.entries)], strict=False):
        entry.data = value


class ImportForm(FlaskForm):
    """Upload a question-set file. The format is detected from the content and the name; the
    Quizlet fields matter only for Quizlet text, whose separators are guessed when left on auto."""

    file = FileField("File (.apkg, .colpkg, .xml, .csv, .json, .gift or .txt)")
    format = SelectField("Format", choices=[("auto", "Detect from the file")], default="auto",
                         validate_choice=True)
    term_sep = SelectField("Between term and definition",
                           choices=[("auto", "Detect"), ("tab", "Tab"), ("comma", "Comma"),
                                    ("custom", "Other (type it below)")], default="auto")
    term_sep_custom = StringField("Other term separator", validators=[Optional(), Length(max=10)])
    card_sep = SelectField("Between cards",
                           choices=[("auto", "Detect"), ("newline", "New line"), ("semicolon", "Semicolon"),
                                    ("custom", "Other (type it below)")], default="auto")
    card_sep_custom = StringField("Other card separator", validators=[Optional(), Length(max=10)])
    multiple_choice = BooleanField("Make multiple-choice questions (wrong options from the set's other "
                                   "definitions) instead of typed answers")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .interop.registry import FORMAT_LABELS

        self.format.choices = [("auto", "Detect from the file"), *FORMAT_LABELS.items()]


class ClassForm(FlaskForm):
    name = StringField("Class name", validators=[DataRequired("Give the class a name."), Length(max=200)])


class JoinForm(FlaskForm):
    code = StringField("Class code", validators=[DataRequired("Type the code your teacher gave you."),
                                                 Length(max=32)])


class AssignForm(FlaskForm):
    set_id = SelectField("Set", coerce=int, validate_choice=True)
    due_date = DateField("Due date (optional)", validators=[Optional(), _sane_date])
    due_time = TimeField("Due time", validators=[Optional()])


class DueForm(FlaskForm):
    due_date = DateField("Due date", validators=[Optional(), _sane_date])
    due_time = TimeField("Due time", validators=[Optional()])


class ArticleForm(FlaskForm):
    collection = SelectField("Add to", coerce=str, validate_choice=False)
    file = FileField("Upload a .txt file")
    text = TextAreaField("…or paste the article")
