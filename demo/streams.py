"""StreamField bodies: the content's (block type, value) pairs as stored data, checked and compared."""

import re
import uuid

from django.core.exceptions import ValidationError

from demo.state import DemoContentError

# Block ids are derived from the page and position, so rebuilding a body gives the same ids.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1d2c3a-9a57-4d0e-8a3c-5b1f0c2e7d41")
PAGE_LINK = re.compile(r'<a\s+href="page:([^"]+)"\s*>')


def stream_raw(body, demo, page_key):
    """Convert a content body of (block type, value) pairs into StreamField raw data.

    Image keys become image ids, article and condition slugs become page ids, and ``page:SLUG`` links
    in rich text become Wagtail page links. Block and list-item ids are derived from the page and the
    position, so the same content always gives the same data.
    """
    raw = []
    for index, (block_type, value) in enumerate(body):
        block_id = stable_block_id(page_key, index)
        raw.append(
            {"type": block_type, "value": block_value(block_type, value, demo, block_id), "id": block_id}
        )
    return raw


def block_value(block_type, value, demo, block_id):
    if block_type == "paragraph":
        return rewrite_page_links(value, demo)
    if block_type in ("heading", "quote"):
        return dict(value)
    if block_type == "quick_version":
        return {"title": value["title"], "points": _list_items(value["points"], block_id)}
    if block_type == "faq":
        items = [
            {"question": item["question"], "answer": rewrite_page_links(item["answer"], demo)}
            for item in value["items"]
        ]
        return {"title": value["title"], "items": _list_items(items, block_id)}
    if block_type == "callout":
        return {**value, "text": rewrite_page_links(value["text"], demo)}
    if block_type == "steps":
        steps = [{"title": step["title"], "text": step.get("text", "")} for step in value["steps"]]
        return {"title": value.get("title", ""), "steps": _list_items(steps, block_id)}
    if block_type == "image":
        return {"image": demo.images[value["image"]].pk, "caption": value.get("caption", "")}
    if block_type == "related_article":
        return {"article": page_by_slug(demo, value["article"]).pk, "label": value.get("label", "")}
    if block_type == "cta":
        condition = value.get("condition")
        return {**value, "condition": page_by_slug(demo, condition).pk if condition else None}
    raise DemoContentError(f"The demo content uses an unknown block type “{block_type}”.")


def _list_items(values, block_id):
    return [
        {"type": "item", "value": value, "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{block_id}/{index}"))}
        for index, value in enumerate(values)
    ]


def stable_block_id(page_key, index):
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{page_key}/{index}"))


def page_by_slug(demo, slug):
    try:
        return demo.pages[slug]
    except KeyError:
        raise DemoContentError(f"The demo content refers to a page “{slug}” it does not define.") from None


def rewrite_page_links(html, demo):
    """Turn ``<a href="page:SLUG">`` into Wagtail's stored form of a page link."""
    return PAGE_LINK.sub(
        lambda match: f'<a linktype="page" id="{page_by_slug(demo, match.group(1)).pk}">', html
    )


def validated_stream(instance, field_name, raw):
    """Raw stream data as a StreamValue, checked by the blocks as the editor's form would check it."""
    stream_block = instance._meta.get_field(field_name).stream_block
    try:
        return stream_block.clean(stream_block.bulk_to_python([raw])[0])
    except ValidationError as error:
        detail = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
        raise DemoContentError(f"The demo {field_name} of “{instance}” is not valid: {detail}") from error


def comparable_stream(instance, field_name, value):
    """A StreamField value as plain data with block ids removed, for comparing content only."""
    stream_block = instance._meta.get_field(field_name).stream_block
    raw = value if isinstance(value, list) else (value.get_prep_value() if value else [])
    if not raw:
        return []
    return _without_ids(stream_block.get_prep_value(stream_block.bulk_to_python([raw])[0]))


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data
