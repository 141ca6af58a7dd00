"""Classes of failure seen in session 26's blind rounds, each pinned on invented text."""

from __future__ import annotations

from quizapp.questions.owners import name_owners, one_owner


def test_generic_body_named_with_the_owner_another_sentence_gives():
    said = ["The Supervisory Council of the Bank of Ruritania decided on Wednesday to hold the base rate.",
            "Governor Ana Petrova said the Bank of Ruritania's Supervisory Council would meet again in May."]
    assert name_owners("The Supervisory Council decided to hold the base rate at 3 percent.", said) == \
        "The Supervisory Council of the Bank of Ruritania decided to hold the base rate at 3 percent."


def test_owner_letters_go_before_the_title():
    said = ["The Electoral Board (ELB) said its Board of Commissioners met on Sunday.",
            "The ELB Board of Commissioners approved the timetable."]
    assert name_owners("When did the Board of Commissioners approve the timetable?", said) == \
        "When did the ELB Board of Commissioners approve the timetable?"


def test_no_owner_or_two_owners_leave_the_stem_alone():
    two = ["The Supervisory Council of the Bank of Ruritania met.", "The Supervisory Council of the Osterlich Fund met."]
    assert one_owner("Supervisory Council", two) is None
    assert name_owners("The Supervisory Council met.", two) == "The Supervisory Council met."
    # "its", "the Bank's", a weekday and a lone word name no owner
    vague = ["The bank said its Supervisory Council met.", "The Bank's Supervisory Council met on Monday.",
             "The Supervisory Council of the Convention met."]
    assert one_owner("Supervisory Council", vague) is None


def test_owner_name_stops_at_a_weekday_and_takes_on_in_a_name():
    said = ["The Executive Body of the Convention on Transboundary Haze Pollution met on Tuesday in Geneva."]
    assert one_owner("Executive Body", said) == "the Convention on Transboundary Haze Pollution"
