def test_pages_render(seeded_app, client):
    for url in ["/", "/articles/", "/articles/1", "/auth/login", "/auth/signup"]:
        r = client.get(url)
        assert r.status_code == 200, url


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.get_json() == {"status": "ok", "database": "ok"}
