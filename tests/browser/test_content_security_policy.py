"""Chromium reports no Content-Security-Policy violation on the public site or in the admin's daily work.

The server runs the production settings, so these are the policies a visitor and an editor really get:
the strict public one (no inline script or style; JSON-LD data blocks are not scripts to run) and the
admin's (inline scripts and styles, blob: upload previews, its own preview frame). A violation is
caught twice: by the page's ``securitypolicyviolation`` event and by Chromium's console message.
"""

import io

import pytest
from PIL import Image

from tests.browser.helpers import log_in

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


class Violations:
    """CSP violations seen by a browser context's pages, from events and from console messages."""

    def __init__(self, context):
        self.console = []
        self.pages = []
        context.add_init_script(WATCH)
        context.on("page", self.watch)

    def watch(self, page):
        self.pages.append(page)
        page.on(
            "console",
            lambda message: (
                self.console.append(message.text)
                if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
                else None
            ),
        )

    def check(self, page, step):
        page.wait_for_timeout(300)
        events = []
        for frame in page.frames:
            try:
                events += frame.evaluate("window.__csp || []")
            except Exception:  # a frame that went away while we looked
                pass
        found = events + self.console
        self.console.clear()
        for frame in page.frames:
            try:
                frame.evaluate("window.__csp = []")
            except Exception:
                pass
        assert not found, f"{step}: {found}"


@pytest.fixture
def watched(new_context):
    def make():
        context = new_context()
        violations = Violations(context)
        page = context.new_page()
        return page, violations

    return make


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/conditions/neck-pain/",
        "/resources/can-acupuncture-help-neck-pain/",
        "/consultation/?condition=migraine",
    ],
)
def test_public_pages_have_no_violation_and_their_json_ld_stays(watched, path):
    page, violations = watched()
    response = page.goto(path)
    assert response.status == 200
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    page.wait_for_load_state("networkidle")
    # The stylesheet applied (a blocked one would leave the browser's default font).
    assert "Times" not in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    violations.check(page, path)


def test_the_admin_works_with_its_policy(watched, tmp_path, site_db):
    page, violations = watched()
    log_in(page, "admin")
    violations.check(page, "sign-in and dashboard")

    page.goto("/admin/booking/consultationrequest/")
    page.wait_for_load_state("networkidle")
    violations.check(page, "consultation request list")

    page.goto("/admin/images/")
    page.wait_for_load_state("networkidle")
    violations.check(page, "image library")

    # An upload shows its preview from a blob: URL.
    picture = tmp_path / "csp-upload-check.png"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 120, 120)).save(buffer, format="PNG")
    picture.write_bytes(buffer.getvalue())
    page.goto("/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(picture))
    page.locator("#upload-list li.upload-success").first.wait_for()
    violations.check(page, "image upload")

    # The page editor: StreamField, block picker, image chooser, preview, scheduling.
    [neck_pain] = site_db("SELECT id FROM wagtailcore_page WHERE slug = 'neck-pain'")
    page.goto(f"/admin/pages/{neck_pain['id']}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-streamfield-stream-container], .c-sf-container").count() >= 1
    violations.check(page, "page editor")

    page.locator("button.c-sf-add-button").first.click()
    page.locator("[role=option], .w-combobox__option").first.wait_for()
    violations.check(page, "block picker")
    page.keyboard.press("Escape")

    page.get_by_role("tab", name="Promote").click()
    page.locator("#tab-promote [data-chooser-action-choose]").first.evaluate("button => button.click()")
    choice = page.locator(".modal a.image-choice, .modal [data-chooser-modal-choice]").first
    choice.wait_for()
    choice.click()
    page.wait_for_timeout(500)
    violations.check(page, "image chooser")
    page.get_by_role("tab", name="Content").click()

    page.locator("[data-side-panel-toggle='preview']").first.click()
    page.frame_locator("iframe[src*='/preview/']").locator("body").wait_for()
    page.wait_for_timeout(1500)
    violations.check(page, "preview panel")

    page.locator("[data-side-panel-toggle='status']").first.click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']:visible").first.click()
    page.locator("input[name='go_live_at']").first.click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    violations.check(page, "schedule publishing dialog")

    # Back on the public site with the Wagtail user bar, under the public policy.
    page.goto("/conditions/neck-pain/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    violations.check(page, "public page with the user bar")


def test_the_watch_sees_a_violation_when_there_is_one(watched):
    """Guards the tests above: an inline script injected into a public page is blocked and reported."""
    page, violations = watched()
    page.goto("/")
    page.wait_for_load_state("networkidle")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.ran") is None
    with pytest.raises(AssertionError, match="script-src"):
        violations.check(page, "injected inline script")
