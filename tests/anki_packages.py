"""Anki packages and notes text written by the real ``anki`` package (and by ``genanki``), for the
import tests: Basic, Basic (and reversed card), Basic (type in the answer) and Cloze notes in one
deck, exported in the current (zstd ``collection.anki21b``) or the legacy (``collection.anki2``)
format."""

from __future__ import annotations

from pathlib import Path

# What the notes below must become: 1 + 2 + 1 + 3 (c1, c2, c3) questions.
EXPECTED_TYPES = {"short_answer": 4, "cloze": 3}
DECK = "Geography::Capitals"


def _add_notes(col) -> None:
    deck_id = col.decks.id(DECK)
    col.media.write_data("paris.jpg", b"\xff\xd8\xff\xe0 not really a picture")

    def add(model_name: str, *values: str, tags: tuple[str, ...] = ()) -> None:
        model = col.models.by_name(model_name)
        note = col.new_note(model)
        for i, v in enumerate(values):
            note.fields[i] = v
        note.tags = list(tags)
        col.add_note(note, deck_id)

    add("Basic", "Capital of <b>France</b>?", "Paris<img src=\"paris.jpg\">", tags=("europe", "capitals"))
    add("Basic (and reversed card)", "Capital of Peru", "Lima")
    add("Basic (type in the answer)", "Capital of Japan?", "Tokyo")
    add("Cloze", "{{c1::Canberra}} is the capital of {{c2::Australia::country}}; {{c3::Wellington}} of NZ.",
        "Both in Oceania")


def anki_collection(tmp: Path):
    from anki.collection import Collection

    col = Collection(str(tmp / "collection.anki2"))
    _add_notes(col)
    return col


def anki_apkg(tmp: Path, legacy: bool) -> bytes:
    from anki.import_export_pb2 import ExportAnkiPackageOptions

    tmp.mkdir(parents=True, exist_ok=True)
    col = anki_collection(tmp)
    out = tmp / ("legacy.apkg" if legacy else "current.apkg")
    try:
        col.export_anki_package(out_path=str(out), limit=None, options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy))
    finally:
        col.close()
    return out.read_bytes()


def anki_colpkg(tmp: Path) -> bytes:
    tmp.mkdir(parents=True, exist_ok=True)
    col = anki_collection(tmp)
    out = tmp / "whole.colpkg"
    col.export_collection_package(str(out), include_media=True, legacy=False)
    return out.read_bytes()


def anki_notes_text(tmp: Path) -> str:
    tmp.mkdir(parents=True, exist_ok=True)
    col = anki_collection(tmp)
    out = tmp / "notes.txt"
    try:
        col.export_note_csv(out_path=str(out), limit=None, with_html=True, with_tags=True, with_deck=True,
                            with_notetype=True, with_guid=False)
    finally:
        col.close()
    return out.read_text(encoding="utf-8")


def genanki_apkg(tmp: Path) -> bytes:
    import genanki

    tmp.mkdir(parents=True, exist_ok=True)
    model = genanki.Model(1607392319, "Simple Model", fields=[{"name": "Question"}, {"name": "Answer"}],
                          templates=[{"name": "Card 1", "qfmt": "{{Question}}",
                                      "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}])
    deck = genanki.Deck(2059400110, "Country Capitals")
    deck.add_note(genanki.Note(model=model, fields=["Capital of Argentina", "Buenos Aires"], tags=["americas"]))
    deck.add_note(genanki.Note(model=model, fields=["Capital of Chile", "Santiago"]))
    deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, fields=["{{c1::Ottawa}} is in {{c2::Canada}}", ""]))
    out = tmp / "genanki.apkg"
    genanki.Package(deck).write_to_file(str(out))
    return out.read_bytes()
