"""StreamField values from the content's (block type, value) pairs: references resolved, checked, compared.

The content names images by key and pages by slug, and links to pages in rich text as
``<a href="page:SLUG">``. ``resolve`` swaps those for the image, the page and Wagtail's stored form of
the link; everything else about a block is left to the field's own blocks, so no block is described
twice.
"""

import re
import uuid

from django.core.exceptions import ValidationError
from wagtail.blocks import StreamValue
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

from demo.state import DemoContentError

# Block ids are derived from the page and position, so rebuilding a body gives the same ids.
BLOCK_ID_NAMESPACE = uuid.UUID("6f1d2c3a-9a57-4d0e-8a3c-5b1f0c2e7d41")
PAGE_LINK = re.compile(r'<a\s+href="page:([^"]+)"\s*>')
# The keys under which the content names an image or a page.
IMAGE_KEYS = {"image"}
PAGE_KEYS = {"article", "condition"}


def stream_value(instance, field_name, body, demo, key):
    """``body`` as the value of the StreamField ``field_name`` of ``instance``.

    The blocks check it as the editor's form would check it. Block and list-item ids are derived from
    ``key`` and the position, so the same content always gives the same stored data.
    """
    stream_block = instance._meta.get_field(field_name).stream_block
    unknown = [block_type for block_type, _value in body if block_type not in stream_block.child_blocks]
    if unknown:
        raise DemoContentError(
            f"The demo {field_name} of “{instance}” uses unknown block types: {', '.join(unknown)}."
        )
    try:
        items = [
            (block_type, as_block_value(stream_block, block_type, item, demo)) for block_type, item in body
        ]
        value = StreamValue(stream_block, items)
    except KeyError as error:  # a struct block was given a field it does not have
        raise DemoContentError(
            f"The demo {field_name} of “{instance}” has an unknown field {error}."
        ) from None
    except TypeError as error:  # for example a single value where a block wants a list
        raise DemoContentError(f"The demo {field_name} of “{instance}” is not valid: {error}") from None
    stored = value.get_prep_value()
    _derive_ids(stored, key)
    try:
        # Read back as stored, so the fields the content leaves out get their defaults and are checked.
        return stream_block.clean(stream_block.bulk_to_python([stored])[0])
    except ValidationError as error:
        raise DemoContentError(
            f"The demo {field_name} of “{instance}” is not valid: {error.as_json_data()}"
        ) from error


def as_block_value(stream_block, block_type, item, demo):
    """The content's value for one block; a table is written in the form Wagtail stores it."""
    child = stream_block.child_blocks[block_type]
    if isinstance(child, TypedTableBlock):
        return child.to_python(resolve(item, demo))
    return resolve(item, demo)


def resolve(value, demo):
    """The content's value with every image key, page slug and ``page:SLUG`` link swapped for its target."""
    if isinstance(value, str):
        return rewrite_page_links(value, demo)
    if isinstance(value, list):
        return [resolve(item, demo) for item in value]
    if not isinstance(value, dict):
        return value
    resolved = {}
    for name, item in value.items():
        if name in IMAGE_KEYS:
            resolved[name] = image_by_key(demo, item)
        elif name in PAGE_KEYS and item is not None:
            resolved[name] = page_by_slug(demo, item)
        else:
            resolved[name] = resolve(item, demo)
    return resolved


def _derive_ids(items, parent_id):
    """Give each block or list item in stored stream data an id from its parent's id and its position."""
    for index, item in enumerate(items):
        item["id"] = str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{parent_id}/{index}"))
        value = item["value"]
        for inner in value.values() if isinstance(value, dict) else [value]:
            if isinstance(inner, list) and all(isinstance(child, dict) and "id" in child for child in inner):
                _derive_ids(inner, item["id"])


def image_by_key(demo, key):
    try:
        return demo.images[key]
    except KeyError:
        raise DemoContentError(f"The demo content refers to an image “{key}” it does not define.") from None


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


def differs(current, wanted):
    """Whether setting a field to ``wanted`` would change it. Stream values compare without block ids."""
    if isinstance(wanted, StreamValue):
        stream_block = wanted.stream_block
        return comparable_stream(stream_block, current) != comparable_stream(stream_block, wanted)
    return current != wanted


def comparable_stream(stream_block, value):
    """A StreamField value as stored data without block ids, for comparing content only.

    It is read back through the blocks first, so data stored in an older but equivalent form (a time
    without seconds, a field left out) compares equal.
    """
    stored = stream_block.get_prep_value(value)
    return _without_ids(stream_block.get_prep_value(stream_block.bulk_to_python([stored])[0]))


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data
