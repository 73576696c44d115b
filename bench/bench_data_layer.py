"""Data layer at scale: 10,000 interviews and 1,000,000 messages.

Prints the dashboard's first page and one 500-message transcript load (each
with its row count) beside a baseline measured in the same run: the same
reads as a bare sqlite3 query on the same file. Targets: ≤ 50 ms each.
Run: .venv/bin/python bench/bench_data_layer.py [--interviews N] [--messages M]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import close_database, open_database, service  # noqa: E402


def populate(path: Path, interviews: int, messages: int) -> tuple[int, int]:
    """Bulk-load through raw SQL (the bench measures reads, not this)."""
    database = open_database(path)
    user = service.create_profile("bench")
    close_database(database)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=wal")
    now = dt.datetime(2026, 1, 1)
    skills = [r[0] for r in conn.execute("SELECT id FROM skill")]
    with conn:
        conn.executemany(
            "INSERT INTO interview(user_id, interview_type_id, title, mode, status, created_at, "
            "overall_score, duration_s) VALUES (?, ?, ?, 'behavioral', 'completed', ?, ?, ?)",
            [(user["id"], 1 + i % 4, f"Practice {i}", now + dt.timedelta(minutes=i), (i % 10) + 0.5,
              600.0) for i in range(interviews)])
        ids = [r[0] for r in conn.execute("SELECT id FROM interview ORDER BY id")]
        conn.executemany("INSERT INTO interview_skill(interview_id, skill_id) VALUES (?, ?)",
                         [(iid, skills[(iid + k) % len(skills)]) for iid in ids for k in range(2)])
        per = messages // len(ids)
        big = ids[len(ids) // 2]  # one interview with a 500-message transcript
        rows = []
        for iid in ids:
            n = 500 if iid == big else per
            for j in range(n):
                rows.append((iid, "user" if j % 2 else "assistant", f"message {j} of interview {iid}",
                             now, now))
            if len(rows) > 200_000:
                conn.executemany("INSERT INTO message(interview_id, role, content, created_at, "
                                 "updated_at) VALUES (?, ?, ?, ?, ?)", rows)
                rows = []
        conn.executemany("INSERT INTO message(interview_id, role, content, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, ?)", rows)
    conn.execute("ANALYZE")
    conn.close()
    return user["id"], big


def timed(fn, repeat: int = 15) -> tuple[float, object]:
    fn()  # warm the page cache, as a second look at the dashboard would be
    samples, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--interviews", type=int, default=10_000)
    ap.add_argument("--messages", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        user_id, big = populate(path, args.interviews, args.messages)
        print(f"populated {args.interviews:,} interviews / {args.messages:,} messages "
              f"in {time.perf_counter() - t0:.1f} s")
        database = open_database(path)
        raw = sqlite3.connect(path)
        total_msgs = raw.execute("SELECT COUNT(*) FROM message").fetchone()[0]
        total_ivs = raw.execute("SELECT COUNT(*) FROM interview").fetchone()[0]
        print(f"database: {total_ivs:,} interviews, {total_msgs:,} messages")

        page_ms, page = timed(lambda: service.list_interviews(user_id, page=0, page_size=50))
        count_ms, count = timed(lambda: service.count_interviews(user_id))
        base_page_ms, base_rows = timed(lambda: raw.execute(
            "SELECT * FROM interview WHERE user_id=? AND deleted_at IS NULL "
            "ORDER BY created_at DESC, id DESC LIMIT 50", (user_id,)).fetchall())
        tr_ms, transcript = timed(lambda: service.load_transcript(big))
        base_tr_ms, base_tr = timed(lambda: raw.execute(
            "SELECT * FROM message WHERE interview_id=? ORDER BY id", (big,)).fetchall())
        print(f"{'read':34} {'rows':>6} {'ms':>8} {'bare sqlite3 ms':>16} {'ratio':>6} target")
        print(f"{'dashboard first page (+skills)':34} {len(page):>6} {page_ms:>8.2f} "
              f"{base_page_ms:>16.2f} {page_ms / base_page_ms:>6.1f} ≤ 50 ms")
        print(f"{'dashboard total count':34} {count:>6} {count_ms:>8.2f} {'':>16} {'':>6} (paging)")
        print(f"{'one transcript':34} {len(transcript):>6} {tr_ms:>8.2f} "
              f"{base_tr_ms:>16.2f} {tr_ms / base_tr_ms:>6.1f} ≤ 50 ms")
        assert len(base_rows) == len(page) and len(base_tr) == len(transcript)
        raw.close()
        close_database(database)


if __name__ == "__main__":
    main()
