"""Shared pytest fixtures."""

import pytest

from tests import factories


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def condition(home):
    return factories.make_condition("Neck pain", slug="neck-pain")


@pytest.fixture
def superuser(db):
    return factories.make_user("boss", superuser=True)


@pytest.fixture
def editor(db):
    return factories.make_user("editor-user", group="Editors")


@pytest.fixture
def reviewer(db):
    return factories.make_user("reviewer-user", group="Clinical reviewers")


@pytest.fixture
def front_desk(db):
    return factories.make_user("desk-user", group="Front desk")
