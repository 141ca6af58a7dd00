"""Load generator, run in its own process: ``python -m quizapp.bench.load PLAN OPS SECONDS ROUNDS``.

N concurrent clients (asyncio and the lean client of ``wire``, one cookie jar and one user each) log in through the real
login form (CSRF on), then drive each operation of the comma list OPS for SECONDS seconds, ROUNDS
times over, in turn (healthz, answer, rate, dashboard, healthz, answer, ...). Interleaving matters on
a shared machine whose speed drifts: every operation, and the healthz it is compared with, sees the
same conditions. Each operation gets a short warm-up before its first round (not counted), so every
worker has compiled its statements and templates. Only the measured request is timed; redirects are
not followed (a POST answered with 303 is done). Prints one JSON list, an object per operation.

CPU per measured request is reported for both sides: the server's process tree (``server_pid`` in
the plan: gunicorn's master and its workers) and this process. On a small machine where both share
the cores, that says how much of each request's cost is the load generator's.

Operations: ``healthz`` (GET /healthz), ``dashboard`` (GET the progress page), ``answer`` (POST an
answer to the next unanswered item of a prepared quiz), ``rate`` (POST a Good rating of a card with
a fresh idempotency token).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import sys
import time
import uuid

from .wire import Client as Http
from .wire import WireError

CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
OK = {200, 302, 303}


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return values[k]


def tree_cpu(root: int | None) -> float:
    """CPU seconds used so far by ``root`` and its children (Linux ``/proc``); 0 when unknown."""
    if not root:
        return 0.0
    total, tick = 0.0, os.sysconf("SC_CLK_TCK")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(name) == root or int(fields[1]) == root:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Client:
    def __init__(self, base: str, user: dict):
        self.http = Http(base)
        self.user = user
        self.token = ""
        self.answers = iter(user.get("answers", []))
        self.facts = itertools.cycle(user.get("facts", []) or [0])

    async def login(self) -> None:
        page = await self.http.get("/auth/login")
        token = CSRF.search(page.text).group(1)
        r = await self.http.post("/auth/login", {
            "email": self.user["email"], "password": self.user["password"], "csrf_token": token})
        if r.status != 303:
            raise RuntimeError(f"login failed for {self.user['email']}: {r.status}")
        home = await self.http.get("/")
        self.token = CSRF.search(home.text).group(1)

    def request(self, op: str):
        if op == "healthz":
            return self.http.get("/healthz")
        if op == "dashboard":
            return self.http.get(self.user["dashboard"])
        if op == "answer":
            path, response = next(self.answers)  # StopIteration: the plan ran out of items
            return self.http.post(path, {"response": response, "csrf_token": self.token})
        if op == "rate":
            return self.http.post("/review/rate", {
                "fact_id": str(next(self.facts)), "rating": "3", "deck": "all", "mode": "review",
                "token": uuid.uuid4().hex, "csrf_token": self.token})
        raise ValueError(op)


async def run(plan: dict, ops: list[str], seconds: float, rounds: int = 1) -> list[dict]:
    users = plan["users"][: plan.get("clients", 16)]
    clients = [Client(plan["base"], u) for u in users]
    await asyncio.gather(*(c.login() for c in clients))
    latencies: dict[str, list[float]] = {op: [] for op in ops}
    errors: dict[str, dict[str, int]] = {op: {} for op in ops}
    elapsed = dict.fromkeys(ops, 0.0)
    round_rps: dict[str, list[float]] = {op: [] for op in ops}
    exhausted = dict.fromkeys(ops, 0)
    server_cpu = dict.fromkeys(ops, 0.0)
    client_cpu = dict.fromkeys(ops, 0.0)
    server_pid = plan.get("server_pid")

    async def worker(c: Client, op: str, deadline: float, counted: bool) -> None:
        while time.perf_counter() < deadline:
            try:
                req = c.request(op)
            except StopIteration:
                exhausted[op] += 1
                return
            t0 = time.perf_counter()
            try:
                r = await req
                status = r.status
                body = r.text if status >= 500 else ""
            except WireError as e:
                status, body = str(e).partition(":")[0], ""
            if not counted:
                continue
            latencies[op].append(time.perf_counter() - t0)
            if status not in OK:
                key = str(status) + (" locked" if "locked" in body else "")
                errors[op][key] = errors[op].get(key, 0) + 1

    for round_ in range(rounds):
        for op in ops:
            if round_ == 0:
                warm_deadline = time.perf_counter() + min(2.0, seconds / 5)
                await asyncio.gather(*(worker(c, op, warm_deadline, False) for c in clients))
            cpu0, own0 = tree_cpu(server_pid), time.process_time()
            done0, started = len(latencies[op]), time.perf_counter()
            await asyncio.gather(*(worker(c, op, started + seconds, True) for c in clients))
            took = time.perf_counter() - started
            elapsed[op] += took
            round_rps[op].append(round((len(latencies[op]) - done0) / took, 1))
            server_cpu[op] += tree_cpu(server_pid) - cpu0
            client_cpu[op] += time.process_time() - own0
    out = [summary(op, latencies[op], elapsed[op], errors[op], exhausted[op], len(clients), rounds) for op in ops]
    for r in out:
        n = r["requests"]
        r["server_cpu_ms"] = round(1000 * server_cpu[r["endpoint"]] / n, 2) if n and server_pid else None
        r["client_cpu_ms"] = round(1000 * client_cpu[r["endpoint"]] / n, 2) if n else None
        r["round_rps"] = round_rps[r["endpoint"]]
    return out


def summary(op: str, latencies: list[float], elapsed: float, errors: dict[str, int], exhausted: int,
            clients: int, rounds: int) -> dict:
    n = len(latencies)
    return {
        "endpoint": op, "clients": clients, "rounds": rounds, "seconds": round(elapsed, 2), "requests": n,
        "rps": round(n / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1) if n else None,
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1) if n else None,
        "errors": sum(errors.values()), "error_kinds": errors, "clients_out_of_work": exhausted,
    }


def main(argv: list[str]) -> None:
    plan_path, ops, seconds = argv[0], argv[1].split(","), float(argv[2])
    rounds = int(argv[3]) if len(argv) > 3 else 1
    with open(plan_path) as fh:
        plan = json.load(fh)
    print(json.dumps(asyncio.run(run(plan, ops, seconds, rounds))))


if __name__ == "__main__":
    main(sys.argv[1:])
