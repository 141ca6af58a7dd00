"""Shapes met in session 23. Invented text only."""

from __future__ import annotations

from .question_checks import leaders_of


def test_an_occasion_after_a_title_is_no_person():
    raw = ("Published: 3 March 2026\n\n"
           "Dr. Mirela Okonjo Kandor Union Secretary General at The Opening Ceremony of the 12th Regular "
           "Meeting of Kandor Union Heads of Government held in Zembla City.\n\n"
           "The heads of government agreed to review the union's customs code by 2027.")
    people = leaders_of(raw)
    assert "Opening Ceremony" not in people
    assert not any("Ceremony" in name or "Meeting" in name for name in people)
