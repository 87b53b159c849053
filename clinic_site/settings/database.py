"""The database: DATABASE_URL when given (postgres://... in production), else a SQLite file, set up so
that several processes (web workers, the task worker) can write at once."""

import os

import dj_database_url


def conn_max_age():
    """Seconds a worker keeps its database connection (checked before reuse); 0 opens one per request."""
    return int(os.environ.get("DB_CONN_MAX_AGE", "60"))


def sqlite_database(path):
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        # Opening the file and running the PRAGMAs below costs about 2 ms: each worker keeps its connection.
        "CONN_MAX_AGE": conn_max_age(),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            # IMMEDIATE takes the write lock when a transaction starts, so two writers queue on the
            # busy timeout instead of failing with "database is locked" when one upgrades its lock.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                "PRAGMA busy_timeout=20000;"
            ),
        },
    }


def database_from_env(default_sqlite_file):
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return sqlite_database(default_sqlite_file)
    if url.startswith("sqlite"):
        config = dj_database_url.parse(url)
        return sqlite_database(config["NAME"])
    return dj_database_url.parse(
        url,
        conn_max_age=conn_max_age(),
        conn_health_checks=True,
    )
