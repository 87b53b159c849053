"""What starts a new generation: a change to anything the public site shows.

The models are named in ``PAGE_CACHE_INVALIDATED_BY`` (``"app_label.Model"``; subclasses count, so
``wagtailcore.Page`` covers every page type). Saving or deleting one, changing its many-to-many links,
and Wagtail's publish, unpublish and move signals each replace the generation in the transaction that
makes the change. One publish can change the page, its index, the pages that list it and the menu on
every page, so the simple correct answer is to file everything anew; old entries expire unread.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import generation

# Saves that only record bookkeeping (Wagtail fills in an image's size and hash while serving it).
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def watched_models():
    return tuple(apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY)


def on_model_change(sender, instance, using=None, update_fields=None, action="post_", **kwargs):
    if action.startswith("pre_"):  # m2m_changed: act once, after the change
        return
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    if isinstance(instance, watched_models()):
        generation.replace(using=using)


def on_page_event(sender, **kwargs):
    generation.replace()


def connect_signals():
    """Called from ``PageCacheConfig.ready()``."""
    post_save.connect(on_model_change, dispatch_uid="pagecache-post-save")
    post_delete.connect(on_model_change, dispatch_uid="pagecache-post-delete")
    m2m_changed.connect(on_model_change, dispatch_uid="pagecache-m2m")
    page_published.connect(on_page_event, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_event, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(on_page_event, dispatch_uid="pagecache-moved")
