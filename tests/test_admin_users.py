"""The admin's user page: only admins (others get 404), paginated, searched by e-mail; roles,
disable/enable (sessions end at once) and deletion (the same as a user's own)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import User

PASSWORD = "correct horse 42"


def _login(app, email):
    c = app.test_client()
    assert c.post("/auth/login", data={"email": email, "password": PASSWORD}).status_code == 303
    return c


@pytest.fixture
def people(app, make_user):
    return {
        "admin": make_user("ada@example.com", "Ada Admin", role="admin"),
        "teacher": make_user("tess@example.com", "Tess Teacher", role="teacher"),
        "student": make_user("sam@example.com", "Sam Student"),
    }


def _user(app, uid) -> User | None:
    with app.app_context():
        u = db.session.get(User, uid)
        if u is not None:
            db.session.expunge(u)
        return u


@pytest.mark.parametrize("who", ["teacher", "student"])
def test_non_admins_get_404_everywhere(app, people, who):
    c = _login(app, {"teacher": "tess@example.com", "student": "sam@example.com"}[who])
    target = people["student"] if who == "teacher" else people["teacher"]
    assert c.get("/admin/users").status_code == 404
    assert c.get(f"/admin/users/{target}/delete").status_code == 404
    for path, data in ((f"/admin/users/{target}/role", {"role": "admin"}),
                       (f"/admin/users/{target}/active", {"active": "0"}),
                       (f"/admin/users/{target}/delete", {"current_password": PASSWORD})):
        assert c.post(path, data=data).status_code == 404
    me = _user(app, people[who])
    assert me.role == who  # no self-promotion
    assert _user(app, target) is not None and _user(app, target).active
    assert "/admin/users" not in c.get("/account/").get_data(as_text=True)


def test_anonymous_is_sent_to_login(client, people):
    r = client.get("/admin/users")
    assert r.status_code == 302 and "/auth/login" in r.headers["Location"]
    assert client.post(f"/admin/users/{people['student']}/role", data={"role": "admin"}).status_code == 302
    assert _user(client.application, people["student"]).role == "student"


def test_admin_lists_searches_and_paginates(app, people, make_user):
    for i in range(30):
        make_user(f"pupil{i:02d}@school.example", f"Pupil {i}")
    c = _login(app, "ada@example.com")
    assert "/admin/users" in c.get("/account/").get_data(as_text=True)
    page1 = c.get("/admin/users").get_data(as_text=True)
    assert "33 accounts" in page1 and "Page 1 of 2" in page1
    page2 = c.get("/admin/users?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in page2
    found = c.get("/admin/users?q=PUPIL0").get_data(as_text=True)
    assert "10 accounts" in found and "pupil07@school.example" in found and "sam@example.com" not in found
    only = c.get("/admin/users?q=%25").get_data(as_text=True)  # a LIKE wildcard is searched as text
    assert "0 accounts" in only and "No account matches" in only
    teachers = c.get("/admin/users?role_filter=teacher").get_data(as_text=True)
    assert "tess@example.com" in teachers and "sam@example.com" not in teachers
    assert c.get("/admin/users?q=" + "x" * 5000).status_code == 200
    assert c.get("/admin/users?page=99999999999999999999").status_code == 200


def test_admin_sees_names_escaped(app, people, make_user):
    make_user("evil@example.com", "<script>alert(1)</script>")
    html = _login(app, "ada@example.com").get("/admin/users").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_admin_changes_roles(app, people):
    c = _login(app, "ada@example.com")
    r = c.post(f"/admin/users/{people['student']}/role?q=sam", data={"role": "teacher"})
    assert r.status_code == 303 and "q=sam" in r.headers["Location"]
    assert _user(app, people["student"]).role == "teacher"
    r = c.post(f"/admin/users/{people['student']}/role", data={"role": "emperor"})
    assert r.status_code == 422 and "Choose student, teacher or admin" in r.get_data(as_text=True)
    assert _user(app, people["student"]).role == "teacher"
    r = c.post(f"/admin/users/{people['admin']}/role", data={"role": "student"})
    assert r.status_code == 422 and "your own account" in r.get_data(as_text=True)
    assert _user(app, people["admin"]).role == "admin"
    assert c.post("/admin/users/999999/role", data={"role": "teacher"}).status_code == 404


def test_admin_disables_and_enables(app, people):
    sam = _login(app, "sam@example.com")
    c = _login(app, "ada@example.com")
    assert c.post(f"/admin/users/{people['student']}/active", data={"active": "0"}).status_code == 303
    assert sam.get("/account/").status_code == 302  # their session ended at once
    r = app.test_client().post("/auth/login", data={"email": "sam@example.com", "password": PASSWORD})
    assert r.status_code == 422 and "disabled" in r.get_data(as_text=True)
    assert "disabled" in c.get("/admin/users?q=sam").get_data(as_text=True)
    assert c.post(f"/admin/users/{people['student']}/active", data={"active": "maybe"}).status_code == 422
    assert c.post(f"/admin/users/{people['student']}/active", data={"active": "1"}).status_code == 303
    _login(app, "sam@example.com")
    assert c.post(f"/admin/users/{people['admin']}/active", data={"active": "0"}).status_code == 422


def test_admin_deletes_with_their_own_password(app, people):
    c = _login(app, "ada@example.com")
    page = c.get(f"/admin/users/{people['student']}/delete")
    assert page.status_code == 200 and "sam@example.com" in page.get_data(as_text=True)
    r = c.post(f"/admin/users/{people['student']}/delete", data={"current_password": "wrong wrong"})
    assert r.status_code == 422 and _user(app, people["student"]) is not None
    r = c.post(f"/admin/users/{people['student']}/delete", data={"current_password": PASSWORD})
    assert r.status_code == 303
    assert _user(app, people["student"]) is None
    assert "sam@example.com and its data were deleted" in c.get(r.headers["Location"]).get_data(as_text=True)
    # not themselves: that is what their own settings page is for
    assert c.get(f"/admin/users/{people['admin']}/delete").headers["Location"].endswith("/account/delete")
    assert c.post(f"/admin/users/{people['admin']}/delete", data={"current_password": PASSWORD}).status_code == 422
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 2


HOSTILE = ["\x00", "a\x00b", "x" * 10_240, "-1", "0", "99999999999999999999", "<script>alert(1)</script>",
           "%", "_", "\\", "' OR 1=1 --", "[]", "\ud7ff", "admin"]
FIELDS = ("q", "role_filter", "page", "role", "active", "current_password", "email", "password", "confirm",
          "next", "csrf_token")


def test_account_and_admin_routes_never_answer_5xx(app, people):
    """Hostile values in every field of the account, admin and reset routes, as an admin (the
    shared hostile walk has no admin) and as a student: 4xx at worst, and no admin is harmed."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    rules = [r for r in app.url_map.iter_rules()
             if r.endpoint.split(".")[0] in ("account", "admin") or r.endpoint in ("auth.forgot", "auth.reset_password")]
    errors = []
    for email in ("ada@example.com", "sam@example.com"):
        c = _login(app, email)
        for rule in rules:
            for hostile in HOSTILE:
                values = {a: (people["teacher"] if a == "user_id" else 1) for a in rule.arguments}
                if "token" in rule.arguments:
                    values["token"] = hostile.replace("\\", "x") or "x"
                path = rule.build(values)[1]
                data = {f: hostile for f in FIELDS}
                for method in sorted(rule.methods & {"GET", "POST"}):
                    if rule.endpoint == "account.delete" and method == "POST":
                        continue  # the hostile password is wrong, but do not tempt fate
                    r = c.get(path, query_string=data) if method == "GET" else c.post(path, data=data)
                    if r.status_code >= 500:
                        errors.append(f"{email} {method} {path[:60]} {hostile[:12]!r} -> {r.status_code}")
    assert not errors, errors[:20]
    assert _user(app, people["admin"]).role == "admin" and _user(app, people["teacher"]) is not None


def test_cli_deletes_an_account_the_same_way(app, people, runner):
    result = runner.invoke(args=["users", "delete", "sam@example.com"], input="n\n")
    assert result.exit_code != 0 and _user(app, people["student"]) is not None  # asked first
    result = runner.invoke(args=["users", "delete", "SAM@example.com", "--yes"])
    assert result.exit_code == 0, result.output
    assert "sam@example.com: deleted" in result.output
    assert _user(app, people["student"]) is None
    result = runner.invoke(args=["users", "delete", "nobody@example.com", "--yes"])
    assert result.exit_code == 1 and "No account" in result.output
