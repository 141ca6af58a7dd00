"""All models, importable from one place (``from quizapp.models import Article``)."""

from .accounts import Notice, PasswordReset
from .base import UTCDateTime, utcnow
from .collections import COLLECTION_KINDS, LIBRARY_NAME, Collection, collection_class
from .corpus import ARTICLE_STATES, Article, ArticleFile, Sentence
from .curation import (
    CLAIM_STATES,
    HIDDEN_STATES,
    REPORT_REASONS,
    REVIEW_STATES,
    AnswerClaim,
    QuestionReport,
)
from .facts import FACT_KINDS, Fact, FactSource, RawFact, RawFactKey
from .questions import ORIGINS, Question, question_fact
from .study import Answer, Card, Quiz, QuizItem, ReviewLog
from .teaching import Assignment, ClassGroup, Membership, SetItem, StudySet
from .users import ROLES, User

__all__ = [
    "ARTICLE_STATES", "CLAIM_STATES", "HIDDEN_STATES", "REPORT_REASONS", "REVIEW_STATES", "AnswerClaim",
    "QuestionReport", "COLLECTION_KINDS", "FACT_KINDS", "LIBRARY_NAME", "ORIGINS", "ROLES",
    "Answer", "Article", "ArticleFile", "Assignment", "Card", "ClassGroup", "Collection", "Fact", "FactSource", "Membership",
    "Notice", "PasswordReset", "Question", "RawFact", "RawFactKey", "Quiz", "QuizItem", "ReviewLog", "Sentence",
    "SetItem", "StudySet", "User",
    "UTCDateTime", "collection_class", "question_fact", "utcnow",
]
