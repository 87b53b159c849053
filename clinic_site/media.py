"""Serving uploaded images from the media folder when no object storage or CDN serves them.

Only images: original uploads and their renditions, by extension, from the two folders Wagtail keeps
them in. Documents live in the same media folder but are never served from it: they go through
Wagtail's document view, which checks privacy settings and sends them as attachments.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

IMAGE_FOLDERS = ("original_images", "images")
IMAGE_EXTENSIONS = {"avif", "gif", "jpeg", "jpg", "png", "webp"}
# Rendition and upload file names change when the picture changes, so a day in caches is safe; not
# longer, so a picture an editor deletes does not linger in browsers and proxies for long.
MAX_AGE_SECONDS = 24 * 60 * 60


def serve_image(request, path):
    """One image file from MEDIA_ROOT, or 404 for anything that is not a plain image in an image folder."""
    if not settings.SERVE_MEDIA_IMAGES:
        raise Http404
    folder, _, filename = path.partition("/")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if (
        folder not in IMAGE_FOLDERS
        or not filename
        or "/" in filename
        or "\\" in path
        or filename.startswith(".")
        or posixpath.normpath(path) != path
        or extension not in IMAGE_EXTENSIONS
    ):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response
