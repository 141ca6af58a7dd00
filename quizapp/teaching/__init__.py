"""Teaching: custom sets, classes and assignments, item analysis, import and export.

Pure modules (no Flask, no database): ``codes`` (join and share codes), ``formats`` (CSV, JSON,
GIFT and Aiken), ``anki`` (.apkg decks), ``itemanalysis`` (facility and discrimination).
``store`` is the database side; the views in ``quizapp.web.sets``/``classes``/``library`` stay thin.
"""
