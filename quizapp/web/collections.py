"""Teachers' collections: make one, share it with classes; admins publish one to the Library."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..auth import teacher_required
from ..bounds import parse_id
from ..collections import access
from ..collections import store as cs
from ..extensions import db
from ..models import ClassGroup, Collection
from .helpers import render

bp = Blueprint("collections", __name__, url_prefix="/collections")


def _writable(collection_id: int) -> Collection:
    collection = db.session.get(Collection, collection_id)
    if collection is None or not access.can_write(current_user, collection):
        abort(404)
    return collection


def _index(error: str | None = None, status: int = 200):
    mine = db.session.scalars(select(Collection).where(Collection.owner_id == current_user.id)
                              .order_by(Collection.name, Collection.id)).all()
    others = []
    if current_user.role == "admin":
        others = db.session.scalars(select(Collection).where(
            Collection.kind.in_(("library", "teacher")), (Collection.owner_id != current_user.id)
            | Collection.owner_id.is_(None)).order_by(Collection.kind != "library", Collection.name)).all()
    counts = cs.article_counts(db.session, [c.id for c in [*mine, *others]])
    return render("collections/index.html", None, mine=mine, others=others, counts=counts, error=error,
                  name=request.form.get("name", "")), status


@bp.get("/")
@teacher_required
def index():
    return _index()


@bp.post("/")
@teacher_required
def create():
    try:
        collection = cs.create(db.session, current_user.id, request.form.get("name", ""))
    except cs.CollectionError as exc:
        return _index(str(exc), 422)
    db.session.commit()
    flash(f"Made the collection “{collection.name}”. Add articles to it, then share it with a class.", "success")
    return redirect(url_for("collections.show", collection_id=collection.id), 303)


@bp.get("/<int:collection_id>")
@teacher_required
def show(collection_id: int, error: str | None = None, status: int = 200):
    collection = _writable(collection_id)
    classes = db.session.scalars(select(ClassGroup).where(ClassGroup.owner_id == current_user.id)
                                 .order_by(ClassGroup.name)).all()
    count = cs.article_counts(db.session, [collection.id]).get(collection.id, 0)
    return render("collections/show.html", None, collection=collection, classes=classes, count=count,
                  shared={c.id for c in collection.classes}, error=error), status


@bp.post("/<int:collection_id>/share")
@teacher_required
def share(collection_id: int):
    collection = _writable(collection_id)
    ids = [i for i in map(parse_id, request.form.getlist("class_id")) if i is not None]
    try:
        cs.share(db.session, collection, current_user.id, ids)
    except cs.CollectionError as exc:
        db.session.rollback()
        return show(collection_id, str(exc), 422)
    db.session.commit()
    flash("Sharing saved." if ids else "No class sees this collection now.", "success")
    return redirect(url_for("collections.show", collection_id=collection.id), 303)


@bp.post("/<int:collection_id>/rename")
@teacher_required
def rename(collection_id: int):
    collection = _writable(collection_id)
    try:
        collection.name = cs.clean_name(request.form.get("name", ""))
    except cs.CollectionError as exc:
        db.session.rollback()
        return show(collection_id, str(exc), 422)
    db.session.commit()
    return redirect(url_for("collections.show", collection_id=collection.id), 303)


@bp.post("/<int:collection_id>/publish")
@teacher_required
def publish(collection_id: int):
    if current_user.role != "admin":
        abort(404)
    collection = _writable(collection_id)
    if collection.kind != "teacher":
        abort(404)
    collection.published = request.form.get("published") == "1"
    db.session.commit()
    flash(f"“{collection.name}” is {'now in' if collection.published else 'no longer in'} the Library.", "success")
    return redirect(url_for("collections.show", collection_id=collection.id), 303)
