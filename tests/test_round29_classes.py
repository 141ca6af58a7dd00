"""Failure classes from blind rounds 29 and 30 (unseen sets): stems that never say whose ministers
or which forum, a phase of nothing named, a work told before and never named. Invented text only."""

from __future__ import annotations

from quizapp.questions.blanks import _question_ok
from quizapp.questions.sentences import bare_subject, stands_alone


def test_a_timeline_entry_subject_never_saying_whose_ministers_makes_no_question():
    assert bare_subject("When did Ministers meeting in Kandor adopt the Zarovian Transit Plan?")
    assert not _question_ok("When did Ministers meeting in Kandor adopt the Zarovian Transit Plan?")
    # whose ministers, said: a question
    assert not bare_subject("When did Ministers from Ruritania and Freedonia adopt the Zarovian Transit Plan?")
    assert not bare_subject("When did Ruritania's ministers adopt the Zarovian Transit Plan?")


def test_a_body_by_its_head_word_alone_makes_no_question():
    assert bare_subject("When did Forum leaders adopt the Declaration on Shared Waters?")
    assert bare_subject("When will Council members review the Kandor Accord?")
    assert not bare_subject("When did Pacific Lagoon Forum leaders adopt the Declaration on Shared Waters?")


def test_a_phase_of_nothing_named_does_not_stand_alone():
    assert not stands_alone("Ruritania and Freedonia committed a combined 40 million dollars for the first phase.")
    assert not stands_alone("The second tranche will be paid in March.")
    assert stands_alone("Ruritania and Freedonia committed a combined 40 million dollars for the first phase "
                        "of the Lagoon Coconut Programme.")


def test_a_work_told_before_and_never_named_does_not_stand_alone():
    # (blind round 30: "The Canal Authority aims to complete the reservoir by 2032.")
    assert not stands_alone("The Lagoon Authority aims to complete the reservoir by 2032.")
    assert not stands_alone("Operators plan to finish the new pipeline in 2027.")
    assert stands_alone("The Lagoon Authority aims to complete the Kandor River reservoir by 2032.")
    assert stands_alone("The Lagoon Authority aims to complete the reservoir on the Kandor River by 2032.")
