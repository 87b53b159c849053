"""Demo content for a fictional clinic, written as plain Python data.

Everything here describes a made-up clinic so that a fresh install shows a complete site. The demo
content loader (``demo.loader``, run by ``manage.py load_demo_content``) turns these constants
into pages, snippets and images; staff then replace the clinic details, people and articles in the admin.

- ``clinic``: the clinic's details (``CLINIC``), ``PRACTITIONERS``, ``IMAGES`` and ``PRIVACY_VERSION``.
- ``pages``: ``HOME`` and the standard pages ``ABOUT``, ``PRIVACY`` and ``TERMS``.
- ``visit_pages``: ``CONTACT``, ``FEES``, ``FAQ`` and ``ACCESSIBILITY``.
- ``conditions`` and ``articles``: one module a page, gathered in ``CONDITIONS`` and ``ARTICLES``.
- ``treatments``: ``TREATMENTS``.
- ``checks``: ``word_count`` and ``check()``, the self-check of every cross-reference.

Bodies are lists of ``(block_type, value)`` tuples matching ``articles.blocks.ClinicStreamBlock``.
Rich text may link to other demo pages as ``<a href="page:SLUG">``; the loader rewrites those links.
Images are referred to by key and drawn by the loader from ``kind`` and ``hue``.

This package has no Django imports, so it can be imported and checked on its own:
``python -m demo.content`` prints word counts and verifies every cross-reference.
"""

from .articles import ARTICLES
from .checks import check, word_count
from .clinic import CLINIC, IMAGES, PRACTITIONERS, PRIVACY_VERSION
from .conditions import CONDITIONS
from .pages import ABOUT, HOME, PRIVACY, TERMS
from .treatments import TREATMENTS
from .visit_pages import ACCESSIBILITY, CONTACT, FAQ, FEES

__all__ = [
    "ACCESSIBILITY",
    "CONTACT",
    "FAQ",
    "FEES",
    "ABOUT",
    "ARTICLES",
    "CLINIC",
    "CONDITIONS",
    "HOME",
    "IMAGES",
    "PRACTITIONERS",
    "PRIVACY",
    "PRIVACY_VERSION",
    "TERMS",
    "TREATMENTS",
    "check",
    "word_count",
]
