"""Site search, feeds, sitemap and robots.txt. Included before Wagtail's page URLs."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/articles/rss/", feeds.LatestArticlesFeed(), name="rss_feed"),
    path("feeds/articles/atom/", feeds.LatestArticlesAtomFeed(), name="atom_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
]
