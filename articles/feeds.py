"""RSS and Atom feeds of the clinic's newest articles, for feed readers and newsletters."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from articles.models.base import visible
from clinic_site.models import ClinicSettings

FEED_LENGTH = 20


@dataclass
class FeedSource:
    """What one request's feed is built from (the feed object itself is shared by every request)."""

    request: object
    site: Site
    clinic: ClinicSettings


class LatestArticlesFeed(Feed):
    """The latest published articles, newest first, each with its summary, author and conditions."""

    feed_type = Rss201rev2Feed
    url_name = "articles:rss_feed"

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        return FeedSource(request=request, site=site, clinic=ClinicSettings.for_request(request))

    def title(self, source):
        return f"Articles from {source.clinic.name}"

    def description(self, source):
        return source.clinic.tagline or f"Patient articles from {source.clinic.name}."

    def link(self, source):
        index = visible(ArticleIndexPage.objects.descendant_of(source.site.root_page)).first()
        return (index or source.site.root_page).get_full_url(source.request)

    def feed_url(self, source):
        return f"{source.site.root_url}{reverse(self.url_name)}"

    def items(self, source):
        articles = visible(ArticlePage.objects.descendant_of(source.site.root_page))
        return (
            articles.select_related("author")
            .prefetch_related("condition_links__condition")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.full_url

    def item_guid(self, article):
        return article.full_url

    def item_pubdate(self, article):
        return article.first_published_at

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.author.display_name if article.author else None

    def item_categories(self, article):
        return [link.condition.title for link in article.condition_links.all() if link.condition.live]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """The same articles as an Atom feed."""

    feed_type = Atom1Feed
    url_name = "articles:atom_feed"

    def subtitle(self, source):
        return self.description(source)
