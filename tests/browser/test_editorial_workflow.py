"""An editor writes an article in the Wagtail admin and sends it to clinical review; a clinical reviewer
approves it; the article is then live, listed on its condition page, and names the reviewer and today as
its medical review."""

import datetime
import re
import uuid

from playwright.sync_api import expect

from tests.browser.helpers import log_in

CONDITION = "Migraine"
CONDITION_PATH = "/conditions/migraine/"


def add_block(page, label):
    """Append a block to the body with the block picker ("Insert a block" → the block's name)."""
    page.locator("[data-contentpath='body'] button.c-sf-add-button[title='Insert a block']").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def list_container(page, input_id, name):
    return page.locator(f"#{input_id}").locator(f"xpath=ancestor::*[@data-contentpath='{name}'][1]")


def add_list_item(page, first_input_id, name):
    """Add an item at the end of a list block (its last "Add" button)."""
    list_container(page, first_input_id, name).get_by_role("button", name="Add").last.click()


def type_rich_text(page, field_path, text):
    """Type into the Draftail editor of a rich text field inside a block."""
    editor = page.locator(f"[data-contentpath='{field_path}'] [contenteditable='true']").last
    editor.click()
    editor.type(text)


def fill_article(page, title):
    page.get_by_placeholder("Page title*").fill(title)
    page.locator("#id_summary").fill("What a migraine that starts in the neck feels like, and what helps.")

    page.get_by_role("button", name="Choose a page (Condition page)").click()
    page.get_by_role("dialog").get_by_role("link", name=CONDITION, exact=True).click()
    expect(page.get_by_role("dialog")).to_be_hidden()

    # Block 0: quick version with two points.
    add_block(page, "Quick version")
    page.locator("#body-0-value-points-0-value").fill("Neck stiffness often comes before a migraine.")
    add_list_item(page, "body-0-value-points-0-value", "points")
    page.locator("#body-0-value-points-1-value").fill("A sudden, severe headache needs a doctor first.")

    # Block 1: FAQ with one question.
    add_block(page, "FAQ")
    page.locator("#body-1-value-items-0-value-question").fill("Can acupuncture prevent migraines?")
    type_rich_text(page, "answer", "Trials suggest it can reduce how often they come for some people.")

    # Block 2: a red-flag callout.
    add_block(page, "Callout")
    page.locator("#body-2-value-variant").select_option("red_flag")
    page.locator("#body-2-value-title").fill("See a doctor first if")
    type_rich_text(page, "text", "Your headache came on suddenly and is the worst you have had.")

    # Block 3: numbered steps (two at least).
    add_block(page, "Numbered steps")
    page.locator("#body-3-value-title").fill("What happens at a first visit")
    page.locator("#body-3-value-steps-0-value-title").fill("Your history")
    add_list_item(page, "body-3-value-steps-0-value-title", "steps")
    page.locator("#body-3-value-steps-1-value-title").fill("A gentle first treatment")

    # Block 4: an image from the demo library, with alt text for this use.
    add_block(page, "Image")
    # The block's own chooser: the page's image field has the same content path, and the new block is
    # drawn a moment after it is added, so ".last" alone could still be the page's field.
    page.locator(
        "[data-contentpath='body'] [data-contentpath='image'] button", has_text="Choose an image"
    ).click()
    dialog = page.get_by_role("dialog")
    dialog.locator("a.image-choice, .listing a[data-chooser-modal-choice]").first.click()
    expect(dialog).to_be_hidden()
    page.locator("#body-4-value-alt_override").fill("Drawing of the muscles at the back of the neck")


def test_editor_writes_reviewer_approves_article_goes_live(new_context, shot, site_db):
    title = f"Migraine and the neck, explained {uuid.uuid4().hex[:6]}"

    editor = new_context().new_page()
    log_in(editor, "editor")
    editor.goto("/admin/pages/")
    resources = site_db("SELECT id FROM wagtailcore_page WHERE url_path LIKE '%/resources/' AND depth = 3")[
        0
    ]["id"]
    editor.goto(f"/admin/pages/add/articles/articlepage/{resources}/")
    fill_article(editor, title)
    shot(editor, "editor filled in the article")
    # A draft first, then the submission from the edit view (Wagtail's create view words its message
    # differently, and the editor's autosave can turn a create into an edit at any moment).
    editor.locator("footer").get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages")).to_contain_text(title)
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))

    editor.locator("footer").get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Clinical review").click()
    # Wagtail's editing session may have seen the draft saved a moment ago as a newer version "saved in
    # another window" and ask before going on; the editor goes on.
    submitted = editor.locator(".messages").filter(has_text=re.compile("has been submitted"))
    go_on = editor.get_by_role("dialog").get_by_role("button", name="Submit to Clinical review")
    expect(submitted.or_(go_on)).to_be_visible()
    if go_on.is_visible():
        go_on.click()
    expect(submitted).to_be_visible()
    shot(editor, "submitted to clinical review")

    [page_row] = site_db("SELECT id, live, url_path FROM wagtailcore_page WHERE title = ?", title)
    assert not page_row["live"]
    workflow_state = site_db(
        "SELECT s.status, w.name FROM wagtailcore_workflowstate s"
        " JOIN wagtailcore_workflow w ON w.id = s.workflow_id WHERE s.object_id = ?",
        str(page_row["id"]),
    )
    assert workflow_state == [{"status": "in_progress", "name": "Clinical review"}]
    # Not public yet.
    anonymous = new_context().new_page()
    assert (
        anonymous.goto("/resources/" + page_row["url_path"].rstrip("/").rsplit("/", 1)[1] + "/").status == 404
    )

    reviewer = new_context().new_page()
    log_in(reviewer, "reviewer")
    expect(reviewer.locator("main")).to_contain_text(title)  # "Awaiting your review" on the dashboard
    shot(reviewer, "reviewer dashboard")
    reviewer.goto(f"/admin/pages/{page_row['id']}/edit/")
    expect(reviewer.locator("main")).to_contain_text("it will show “Medically reviewed by Dr. Sam Okafor")
    reviewer.locator("footer").get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(reviewer.locator(".messages")).to_contain_text(title)
    shot(reviewer, "approved")

    [page_row] = site_db("SELECT id, live, url_path FROM wagtailcore_page WHERE title = ?", title)
    assert page_row["live"]

    anonymous.goto(CONDITION_PATH)
    articles = anonymous.locator("section[aria-labelledby='condition-articles']")
    expect(articles.get_by_role("link", name=title)).to_be_visible()
    shot(anonymous, "listed on the condition page")
    articles.get_by_role("link", name=title).click()
    expect(anonymous.get_by_role("heading", level=1)).to_have_text(title)
    main = anonymous.locator("main")
    expect(main).to_contain_text("Neck stiffness often comes before a migraine.")
    expect(main.get_by_role("heading", name="Can acupuncture prevent migraines?")).to_be_visible()
    expect(main).to_contain_text("See a doctor first if")
    expect(main).to_contain_text("A gentle first treatment")
    image = main.get_by_role("img", name="Drawing of the muscles at the back of the neck")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "the article's image did not load"
    reviewed = anonymous.locator(".review-line time").first.get_attribute("datetime")
    assert abs((datetime.date.fromisoformat(reviewed) - datetime.date.today()).days) <= 1, "reviewed today"
    expect(main.locator(".review-line")).to_contain_text(
        re.compile(r"Last reviewed \w+ \d+, \d{4} by Dr\. Sam Okafor, DAOM, L\.Ac\. · Next review due")
    )
    shot(anonymous, "the live article")


def set_reading_grade_target(page, grade):
    page.goto("/admin/settings/clinic_site/clinicsettings/")
    page.get_by_label("Reading grade target").fill(str(grade))
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".messages")).to_contain_text("updated")


def test_the_checks_panel_flags_a_page_above_the_reading_grade_target(new_context, shot, site_db):
    """Wagtail's checks panel runs the clinic's reading-grade check (an Axe rule) on the page preview."""
    admin = new_context().new_page()
    log_in(admin, "admin")
    [row] = site_db("SELECT id FROM wagtailcore_page WHERE slug = 'can-acupuncture-help-neck-pain'")
    set_reading_grade_target(admin, 3)
    try:
        admin.goto(f"/admin/pages/{row['id']}/edit/")
        admin.get_by_role("button", name="Toggle checks").click()
        expect(admin.get_by_text("Reads above grade 3, the clinic’s target")).to_be_visible(timeout=30_000)
        expect(admin.locator("[data-reading-grade]")).to_contain_text("(above 3)")
        shot(admin, "reading grade flagged in the checks panel")
    finally:
        set_reading_grade_target(admin, 8)
