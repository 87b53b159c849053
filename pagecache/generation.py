"""Reading and replacing the generation, and remembering it for the rest of a request.

Every stored page and template fragment is filed under the generation (``pagecache.models.Generation``).
The database holds it, not the cache: it changes in the same transaction as the content, so no request
can file an old page under a new generation, and the cache can lose it, evict it, be restarted from an
old snapshot or be unreachable without a stale page ever being served afterwards. Two app servers with
caches of their own (a file cache each) also agree, because they read the same row.

A request reads the generation once, by primary key (``current``), and keeps it in its memo
(``pagecache.memo``) for the page cache and every fragment it renders. When the database cannot be
read, the last generation this process saw is used, so pages already stored are still served during a
database outage.
"""

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

from pagecache import memo
from pagecache.models import Generation, new_generation

ROW = 1

_last_seen = {"value": None}


def read(using=None):
    """The current generation (from this process's memory only while the database cannot be reached).

    Every page served from the cache reads it, so it is one plain statement: building the same query
    through the ORM takes twenty times longer than running it.
    """
    alias = using or DEFAULT_DB_ALIAS
    connection = connections[alias]
    table = connection.ops.quote_name(Generation._meta.db_table)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {table} WHERE id = %s", [ROW])  # noqa: S608 - our own table
            row = cursor.fetchone()
        value = row[0] if row else None
        if value is None:  # a database emptied by hand (or by a test that truncates tables)
            value = Generation.objects.using(alias).get_or_create(pk=ROW)[0].value
    except (OperationalError, InterfaceError):
        if _last_seen["value"] is None:
            raise
        return _last_seen["value"]
    _last_seen["value"] = value
    return value


def current():
    """The generation, read at most once per request."""
    return memo.remember("generation", read)


def replace(using=None):
    """Start a new generation in the current transaction: it commits, or rolls back, with the change."""
    value = new_generation()
    if not Generation.objects.using(using).filter(pk=ROW).update(value=value):
        Generation.objects.using(using).update_or_create(pk=ROW, defaults={"value": value})
    memo.forget("generation")
    return value
