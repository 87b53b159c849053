"""Values worked out at most once per request: the generation, the list of view restrictions.

A request's memo starts empty with Django's ``request_started`` signal and is dropped with
``request_finished``; outside a request (a management command, the task worker) nothing is kept and
every call works its value out. Values are never shared between requests, so nothing here can be stale
beyond the request that read it.
"""

import contextvars

from django.core.signals import request_finished, request_started

_memo = contextvars.ContextVar("pagecache_request_memo", default=None)


def remember(name, compute):
    """``compute()``, worked out once for the current request (every time outside one)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def forget(name):
    """Drop one value, so the rest of the request works it out again (after a change it made)."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(name, None)


def _start(**kwargs):
    _memo.set({})


def _finish(**kwargs):
    _memo.set(None)


request_started.connect(_start, dispatch_uid="pagecache-memo-start")
request_finished.connect(_finish, dispatch_uid="pagecache-memo-finish")
