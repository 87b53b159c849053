"""The generation: one row that names the current version of everything the public site shows."""

import uuid

from django.db import models


def new_generation():
    return uuid.uuid4().hex


class Generation(models.Model):
    """The version of the published site that stored pages and template fragments are filed under.

    Replaced by a new random value in the same transaction as any change a page could show (a publish,
    a move, the clinic details, a practitioner, an image): what a visitor is served and what it is filed
    under always agree, whatever happens to the cache in between. A random value is never reused, so
    restoring an old database, or an old cache snapshot, cannot bring back pages filed under it.
    """

    value = models.CharField(max_length=32, default=new_generation)

    class Meta:
        verbose_name = "page cache generation"

    def __str__(self):
        return self.value
