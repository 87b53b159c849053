import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from clinic_site import media, views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("consultation/", include("booking.urls")),
    path("book/", include("booking.book_urls")),
    path("brand.css", views.brand_css, name="brand_css"),
    # Search, feeds, sitemap.xml and robots.txt.
    path("", include("articles.urls")),
]

if settings.MEDIA_URL.startswith("/"):
    # Uploaded images from the media folder (never documents: they go through /documents/).
    urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media.serve_image)]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "clinic_site.views.page_not_found"
handler500 = "clinic_site.views.server_error"
