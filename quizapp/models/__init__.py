"""All models, importable from one place (``from quizapp.models import Article``)."""

from .base import UTCDateTime, utcnow
from .corpus import Article, Sentence
from .facts import FACT_KINDS, Fact, FactSource
from .questions import ORIGINS, Question, question_fact
from .study import Answer, Card, Quiz, QuizItem, ReviewLog
from .teaching import Assignment, ClassGroup, Membership, SetItem, StudySet
from .users import ROLES, User

__all__ = [
    "FACT_KINDS", "ORIGINS", "ROLES",
    "Answer", "Article", "Assignment", "Card", "ClassGroup", "Fact", "FactSource", "Membership",
    "Question", "Quiz", "QuizItem", "ReviewLog", "Sentence", "SetItem", "StudySet", "User",
    "UTCDateTime", "question_fact", "utcnow",
]
