"""Editors can only build a sensible page tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ConditionIndexPage,
    ConditionPage,
    HomePage,
    StandardPage,
    TeamPage,
    TreatmentIndexPage,
    TreatmentPage,
)


class PageTreeRules(WagtailPageTestCase):
    def test_home_holds_the_sections_and_plain_pages(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {ConditionIndexPage, TreatmentIndexPage, ArticleIndexPage, StandardPage, TeamPage}
        )

    def test_each_section_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(ConditionIndexPage, {ConditionPage})
        self.assertAllowedSubpageTypes(TreatmentIndexPage, {TreatmentPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_leaf_pages_have_no_children(self):
        for model in (ConditionPage, TreatmentPage, ArticlePage, TeamPage):
            self.assertAllowedSubpageTypes(model, set())

    def test_pages_live_only_under_their_section(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedParentPageTypes(ConditionPage, {ConditionIndexPage})
        self.assertAllowedParentPageTypes(TreatmentPage, {TreatmentIndexPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(ConditionIndexPage, ArticlePage)
        self.assertCanNotCreateAt(ArticleIndexPage, ConditionPage)
        self.assertCanCreateAt(ArticleIndexPage, ArticlePage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_singletons(self):
        for model in (HomePage, ConditionIndexPage, TreatmentIndexPage, ArticleIndexPage):
            self.assertEqual(model.max_count, 1, model.__name__)
