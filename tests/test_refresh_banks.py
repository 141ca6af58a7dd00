"""`quizapp refresh` brings stored banks up to the current question rules: a bank made by older
rules is regenerated even when no fact changed (what `make run` does after an upgrade); a current
bank is left alone."""

from __future__ import annotations

from sqlalchemy import select, update

from quizapp.extensions import db
from quizapp.models import Collection, Question
from quizapp.questions.store import GENERATOR_VERSION


def _bank(app):
    with app.app_context():
        return {q.uid: q.prompt for q in db.session.scalars(
            select(Question).where(Question.origin == "generated", Question.retired_at.is_(None)))}


def test_refresh_regenerates_a_bank_made_by_older_rules(seeded_app, runner):
    app = seeded_app
    first = runner.invoke(args=["refresh"])  # the seeds' bank was built article by article: stamp it
    assert first.exit_code == 0, first.output
    before = _bank(app)
    assert before
    uid = sorted(before)[0]
    with app.app_context():
        # what an older rule set left behind: a wording the current rules no longer write
        db.session.execute(update(Question).where(Question.uid == uid).values(prompt="An old wording?"))
        db.session.execute(update(Collection).values(questions_version="0"))
        db.session.commit()
    assert _bank(app)[uid] == "An old wording?"

    result = runner.invoke(args=["refresh"])
    assert result.exit_code == 0, result.output
    assert "Regenerated the questions of 1 collection(s)" in result.output
    assert _bank(app) == before
    with app.app_context():
        assert set(db.session.scalars(select(Collection.questions_version))) == {GENERATOR_VERSION}

    again = runner.invoke(args=["refresh"])
    assert "up to date" in again.output and "Regenerated" not in again.output


def test_a_current_bank_is_not_regenerated_and_a_stale_empty_one_is_only_stamped(seeded_app, runner):
    app = seeded_app
    runner.invoke(args=["refresh"])
    with app.app_context():
        uid = db.session.scalars(select(Question.uid).where(Question.origin == "generated")).first()
        db.session.execute(update(Question).where(Question.uid == uid).values(prompt="Left as it is?"))
        empty = Collection(name="Empty", kind="teacher", questions_version="0")
        db.session.add(empty)
        db.session.commit()
        empty_id = empty.id
    result = runner.invoke(args=["refresh"])
    assert "up to date" in result.output, result.output
    assert _bank(app)[uid] == "Left as it is?"  # current version: nothing regenerated
    with app.app_context():
        assert db.session.get(Collection, empty_id).questions_version == GENERATOR_VERSION
