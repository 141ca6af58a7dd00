"""Study: quizzes, FSRS flashcard scheduling and progress statistics.

Pure modules (no Flask, no database): ``quiz`` (choosing, reading and scoring answers),
``scheduler`` (a thin, testable wrapper over py-fsrs), ``progress`` (statistics from aggregates)
and ``charts`` (inline SVG). ``store`` is the only module that talks to the database.
"""
