"""The layout on the screens patients use: every public page type, the consultation form, its thank-you
page and the first booking step, at 320, 390, 768 and 1280 px wide.

Each page is screenshotted at each width into test-artifacts/screenshots/layout/ (the closing note of a
design change points at these), and the test fails when:
- a page scrolls sideways at 320 px (WCAG 1.4.10 Reflow);
- a tap target (a link, button, menu toggle or form control that is not a link inside running text) is
  smaller than 44 x 44 px at a phone width;
- the phone header (site notice, clinic name and menu) is taller than 120 px;
- the booking call to action shows on the booking pages themselves.
"""

import re

import pytest

from tests.browser.helpers import SCREENSHOTS, submit_consultation_request

WIDTHS = (320, 390, 768, 1280)
PHONE_WIDTHS = (320, 390)
FOLDER = SCREENSHOTS / "layout"
MAX_PHONE_HEADER = 120
MIN_TARGET = 44

#: Targets smaller than 44 px: their bounding boxes and what they are. Inline links in running text are
#: left out (WCAG 2.5.8's inline exception); so are hidden elements and the skip link until focused.
SMALL_TARGETS = """(min) => {
  const selector = "a[href], button, summary, select, textarea, input:not([type=hidden])";
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    if (style.display === "inline" || style.visibility === "hidden") continue;
    if (element.closest(".skip-link, .visually-hidden, [hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    // A radio button or checkbox counts with its label: the label is what a finger taps.
    const target = element.matches("input[type=radio], input[type=checkbox]") && element.closest("label")
      ? element.closest("label").getBoundingClientRect() : box;
    if (target.height < min || target.width < min) {
      small.push(`${element.tagName.toLowerCase()} "${(element.textContent || element.name || "").trim()
        .slice(0, 40)}" ${Math.round(target.width)}x${Math.round(target.height)}`);
    }
  }
  return small;
}"""


@pytest.fixture(scope="module")
def layout_pages(public_pages):
    return {
        **public_pages,
        "consultation-form": "/consultation/?condition=neck-pain",
        "book": "/book/",
        "practitioner-page": "/team/dr-mara-ellison/",
    }


def screenshot(page, label, width):
    FOLDER.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    page.screenshot(path=str(FOLDER / f"{name}-{width}.png"), full_page=True)


def measure(page):
    return page.evaluate(
        """() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          header: document.querySelector(".site-header").getBoundingClientRect().bottom + scrollY,
          headerCta: !!document.querySelector(".site-header__cta"),
          actionBar: !!document.querySelector(".action-bar"),
        })"""
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_fits_the_screen(new_context, layout_pages, width):
    phone = width in PHONE_WIDTHS
    device = {"viewport": {"width": width, "height": 800}, "is_mobile": phone, "has_touch": phone}
    page = new_context(device).new_page()
    problems = []
    for label, path in sorted(layout_pages.items()):
        response = page.goto(path)
        assert response.status == 200, path
        screenshot(page, label, width)
        figures = measure(page)
        if width == 320 and figures["scrollWidth"] > figures["clientWidth"]:
            problems.append(f"{path}: scrolls sideways at 320 px ({figures['scrollWidth']} px wide)")
        if phone:
            if figures["header"] > MAX_PHONE_HEADER:
                problems.append(f"{path}: the phone header ends {figures['header']:.0f} px down")
            small = page.evaluate(SMALL_TARGETS, MIN_TARGET)
            problems += [f"{path}: tap target under {MIN_TARGET} px: {item}" for item in small]
        booking_page = path.startswith(("/consultation/", "/book/"))
        if booking_page and (figures["headerCta"] or figures["actionBar"]):
            problems.append(f"{path}: shows the booking call to action on a booking page")
    assert not problems, "\n".join(problems)


def test_the_phone_menu_opens_without_javascript(new_context, layout_pages):
    """The menu is a <details> disclosure: closed, it takes no room; opened, its links are in reach."""
    page = new_context({"viewport": {"width": 320, "height": 800}, "java_script_enabled": False}).new_page()
    page.goto(layout_pages["conditionpage"])
    menu = page.locator("nav.site-nav")
    assert not menu.is_visible()
    page.locator("summary", has_text="Menu").click()
    assert menu.is_visible()
    assert menu.get_by_role("link").count() >= 3
    screenshot(page, "menu-open", 320)


def test_the_thank_you_page(new_context):
    page = new_context({"viewport": {"width": 390, "height": 800}, "is_mobile": True}).new_page()
    submit_consultation_request(page, "Layout Patient", "layout.patient@example.org")
    figures = measure(page)
    assert figures["scrollWidth"] <= figures["clientWidth"]
    assert not page.evaluate(SMALL_TARGETS, MIN_TARGET)
    screenshot(page, "thank-you", 390)


def test_the_side_column_stays_in_view_on_a_wide_screen(new_context, layout_pages):
    """On a condition page at 1280 px the booking box is beside the text and still on screen after
    scrolling far down the page."""
    page = new_context({"viewport": {"width": 1280, "height": 800}}).new_page()
    page.goto(layout_pages["conditionpage"])
    main = page.locator(".page__main").bounding_box()
    box = page.locator(".side .cta")
    assert box.bounding_box()["x"] > main["x"] + main["width"], "the booking box is not beside the text"
    # evaluate(), not wait_for_function(): the page's CSP (script-src 'self') refuses the latter's eval.
    page.evaluate("() => window.scrollTo(0, 2500)")
    assert page.evaluate("() => window.scrollY") > 2000
    top = box.evaluate("element => element.getBoundingClientRect().top")
    assert 0 <= top < 800, f"the booking box scrolled out of view (top at {top} px)"
