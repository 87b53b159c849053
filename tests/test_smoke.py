from tests import factories


def test_condition_builder_publishes(condition):
    assert condition.live
    assert condition.get_parent().specific.__class__.__name__ == "ConditionIndexPage"
    article = factories.make_article(conditions=[condition])
    assert article.main_condition == condition
