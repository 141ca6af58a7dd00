"""Study: quizzes, FSRS flashcard scheduling and progress statistics.

Pure modules (no Flask, no database): ``quiz`` (choosing, reading and scoring answers),
``scheduler`` (a thin, testable wrapper over py-fsrs), ``progress`` (statistics from aggregates)
and ``charts`` (inline SVG).

The database, one concern a module: ``scope`` (what a quiz or a deck may draw from), ``quizzes``
(starting, resuming and showing quizzes), ``answers`` (answering a quiz item), ``reviews``
(flashcard queues, rating and undo), ``cards`` (a card's row and schedule as both hot writes read
and write it), ``dashboard`` (the progress pages' aggregates), ``sql`` (shared SQL, and what
differs between SQLite and PostgreSQL) and ``errors``. Functions take the SQLAlchemy session and
the acting user, change rows and flush; the caller commits, so one request is one transaction.
Idempotency is enforced by the schema (one ``Answer`` per quiz item, unique
``ReviewLog.client_token``) and IntegrityErrors from a lost race are turned into "already done"
results, never 500s. ``snapshots`` keeps computed dashboards while their data is unchanged.
"""
