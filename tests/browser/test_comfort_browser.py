"""Reading comfort (WCAG 2.2 AA): text size, listening, zoom without sideways scrolling, dark mode, reduced motion.

Every check runs in real headless Chromium. Headless Chromium has no speech voices,
so the "Listen" test replaces ``window.speechSynthesis`` before the page loads and
records what the site asked it to say.
"""

import pytest

from sciplain.summarize.types import GlossaryTerm
from tests import factories
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPEECH_STUB = """
window.__spoken = [];
const stub = {
  speaking: false, pending: false, paused: false,
  speak(utterance) { window.__spoken.push(utterance.text); this.speaking = true; },
  cancel() { this.speaking = false; },
  pause() {}, resume() {}, getVoices() { return []; },
  addEventListener() {}, removeEventListener() {},
};
Object.defineProperty(window, "speechSynthesis", {value: stub, configurable: true});
if (!("SpeechSynthesisUtterance" in window)) {
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
}
"""

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
WIDEST = ("() => [...document.querySelectorAll('body *')]"
          ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1"
          " || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'"
          "     && e.getBoundingClientRect().width > 1))"
          ".map(e => e.tagName + '.' + e.className).slice(0, 5)")


@pytest.fixture
def site():
    """A research page with every optional part filled in, so nothing that could overflow is missing."""
    paper = factories.published_paper(
        factories.summary_data(glossary=[
            GlossaryTerm(term="spasticity", definition="Muscle stiffness and tight muscles."),
            GlossaryTerm(term="electroencephalography-guided neuromodulation",
                         definition="A long word that must wrap on a narrow screen."),
        ]),
        doi="10.1000/a-very-long-digital-object-identifier-that-does-not-break-by-itself-0123456789",
    )
    return {"paper": paper, "category": factories.category("Rehabilitation")}


@pytest.fixture
def new_page(browser):
    """Pages with their own viewport, pixel density or media features; no request may leave the machine."""
    contexts, outside = [], []

    def make(**options):
        context = browser.new_context(bypass_csp=True, **{"viewport": {"width": 1280, "height": 900}, **options})
        contexts.append(context)
        page = context.new_page()
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(("http://localhost", "http://127.0.0.1", "data:")) else None)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not outside, f"third-party requests: {outside}"


def _pages(live_server, site) -> dict[str, str]:
    return {
        "home": live_server.url + "/",
        "research": live_server.url + site["paper"].get_absolute_url(),
        "category": live_server.url + site["category"].get_absolute_url(),
        "search": live_server.url + "/search/?q=walking",
    }


def _root_font_px(page) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


def _tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"never reached {selector} with Tab")


def test_category_page_has_no_axe_violations(live_server, page, site):
    page.goto(_pages(live_server, site)["category"])
    assert page.locator(".card").count() == 1
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})
    assert axe_violations(page) == []


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_the_main_pages_at_phone_and_desktop_widths(live_server, page, site, width):
    page.set_viewport_size({"width": width, "height": 900})
    for name, url in _pages(live_server, site).items():
        page.goto(url)
        assert page.locator("h1").count() == 1, name
        path = screenshot(page, f"comfort-{name}-{width}")
        assert path.stat().st_size > 1000, name


def test_text_size_control_enlarges_text_and_works_with_the_keyboard(live_server, page, site):
    page.goto(_pages(live_server, site)["research"])
    group = page.get_by_role("group", name="Text size")
    assert group.get_by_role("button").count() == 3
    normal = _root_font_px(page)
    paragraph = page.evaluate("() => parseFloat(getComputedStyle(document.getElementById('simple-explanation')).fontSize)")

    _tab_to(page, "button[aria-label='Largest text']")
    page.keyboard.press("Enter")
    assert _root_font_px(page) == pytest.approx(normal * 150 / 112.5)
    bigger = page.evaluate("() => parseFloat(getComputedStyle(document.getElementById('simple-explanation')).fontSize)")
    assert bigger > paragraph * 1.3

    page.reload()  # the choice is remembered
    assert _root_font_px(page) == pytest.approx(normal * 150 / 112.5)

    _tab_to(page, "button[aria-label='Normal text size']")
    page.keyboard.press("Space")
    assert _root_font_px(page) == pytest.approx(normal)


def test_listen_button_reads_the_simple_explanation_aloud(live_server, new_page, site):
    page = new_page()
    page.add_init_script(SPEECH_STUB)
    page.goto(_pages(live_server, site)["research"])
    listen = page.get_by_role("button", name="Listen")
    assert listen.get_attribute("aria-pressed") == "false"

    _tab_to(page, "button.listen")
    page.keyboard.press("Enter")
    expected = page.eval_on_selector("#simple-explanation", "e => e.textContent")
    assert page.evaluate("() => window.__spoken") == [expected]
    assert expected.startswith("Researchers tested walking practice")
    stop = page.get_by_role("button", name="Stop reading")
    assert stop.get_attribute("aria-pressed") == "true"

    page.keyboard.press("Enter")  # pressing again stops the reading
    assert page.get_by_role("button", name="Listen").get_attribute("aria-pressed") == "false"
    assert page.evaluate("() => window.__spoken") == [expected]


def test_listen_button_is_absent_without_speech_synthesis(live_server, new_page, site):
    page = new_page()
    page.add_init_script("delete Window.prototype.speechSynthesis; delete window.speechSynthesis;")
    page.goto(_pages(live_server, site)["research"])
    assert page.evaluate("() => 'speechSynthesis' in window") is False
    assert page.locator("button.listen").count() == 0
    assert page.locator("#simple-explanation").is_visible()  # the text itself never depends on the button


@pytest.mark.parametrize("name, options, root_font", [
    ("zoom-200", {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2}, None),
    ("reflow-320", {"viewport": {"width": 320, "height": 256}}, None),
    ("text-200", {"viewport": {"width": 1280, "height": 900}}, "200%"),
    ("phone-text-200", {"viewport": {"width": 375, "height": 800}}, "200%"),
])
def test_research_page_at_200_percent_has_no_sideways_scrolling(live_server, new_page, site, name, options, root_font):
    page = new_page(**options)
    for page_name, url in _pages(live_server, site).items():
        page.goto(url)
        if root_font:
            page.evaluate("size => { document.documentElement.style.fontSize = size; }", root_font)
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert page.evaluate(NO_SIDEWAYS_SCROLL), (name, page_name, page.evaluate(WIDEST))
        if page_name == "research":
            screenshot(page, f"comfort-research-{name}")


def test_dark_mode_with_reduced_motion_renders_and_passes_axe(live_server, new_page, site):
    page = new_page()
    page.emulate_media(reduced_motion="reduce", color_scheme="dark")
    urls = {**_pages(live_server, site), "glossary": live_server.url + "/glossary/?q=walk"}
    for name, url in urls.items():
        page.goto(url)
        assert page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
        assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
        assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(18, 20, 23)", name
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        assert axe_violations(page) == [], name
    screenshot(page, "comfort-glossary-dark")
    page.goto(urls["research"])
    screenshot(page, "comfort-research-dark")
