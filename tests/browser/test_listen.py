"""Listen: reading a page aloud with the browser's own speech synthesis.

The browser's speech is replaced, before any page script runs, by a small stand-in
that records each sentence queued and lets the test say when one starts and ends. So
the test sees exactly what would be spoken, in order, without a sound card.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import frontmatter
import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app
from webapp.content import body_version

from .conftest import SCREENSHOTS, WIDTHS
from .helpers import axe_violations, has_horizontal_scroll, wait_until

pytestmark = pytest.mark.browser
SHOTS = SCREENSHOTS / "listen"
ROOT = Path(__file__).parents[2]

PLAIN_PAGE = """---
title: Listening sample
description: A page to try Listen on.
---
The first sentence is here. The second one asks a question?

- A list item with a [link](/help) inside it.
- Another item.

## A heading

Last words.
"""
EASYREAD_PAGE = """---
title: Listening sample
description: A page to try Listen on.
---
![](ear.svg)

You can listen to this page.
Each line is short.

![](eye.svg)

This is the end.
"""
PLAIN_SENTENCES = [
    "Listening sample",
    "The first sentence is here.",
    "The second one asks a question?",
    "A list item with a link inside it.",
    "Another item.",
    "A heading",
    "Last words.",
]
EASYREAD_SENTENCES = [
    "Listening sample",
    "You can listen to this page.",
    "Each line is short.",
    "This is the end.",
]

# The stand-in for window.speechSynthesis. __speech.log is every utterance queued;
# __speech.advance() ends the one being spoken (if any) and starts the next.
FAKE_SPEECH = """
(() => {
  const state = { log: [], queue: [], current: null, paused: false,
    voices: [{ lang: "en-GB", name: "Test English", default: true, localService: true, voiceURI: "t" }] };
  class FakeUtterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.rate = 1; }
  }
  state.advance = () => {
    if (state.current && state.current.onend) { state.current.onend(); }
    state.current = state.queue.shift() || null;
    if (state.current && state.current.onstart) { state.current.onstart(); }
  };
  const synth = {
    getVoices: () => state.voices,
    speak(u) { state.queue.push(u);
      state.log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice && u.voice.name }); },
    cancel() { state.queue = []; state.current = null; state.log.push("cancel"); },
    pause() { state.paused = true; },
    resume() { state.paused = false; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;
  window.__speech = state;
})();
"""
NO_SPEECH = """
Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
window.SpeechSynthesisUtterance = undefined;
"""
SPOKEN = "window.__speech.log.filter(e => e !== 'cancel').map(e => e.text)"
HIGHLIGHTED = (
    "(() => { const h = CSS.highlights.get('listen-sentence');"
    " return h ? [...h].map(r => r.toString().replace(/\\s+/g, ' ').trim()) : []; })()"
)


@pytest.fixture(scope="module")
def listen_url(tmp_path_factory):
    """The app with the real content plus one sample page, whose sentences we know."""
    folder = tmp_path_factory.mktemp("listen")
    content, easyread = folder / "content", folder / "easyread"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "easyread", easyread)
    (content / "listen-sample.md").write_text(PLAIN_PAGE)
    (easyread / "listen-sample.md").write_text(EASYREAD_PAGE)
    # The easy read was checked by a group (the mark sits outside what Listen reads).
    post = frontmatter.load(easyread / "listen-sample.md")
    post.metadata["checked"] = {
        "by": "Speak Up Together",
        "month": "2026-10",
        "version": body_version(post.metadata, post.content),
    }
    (easyread / "listen-sample.md").write_text(frontmatter.dumps(post))
    app = make_app(folder / "listen.db", CONTENT_DIR=str(content), EASYREAD_DIR=str(easyread))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def open_page(browser, url: str, *, width: int = 320, script: str = FAKE_SPEECH, **options):
    context = browser.new_context(viewport={"width": width, "height": 800}, **options)
    if script:
        context.add_init_script(script)
    page = context.new_page()
    page.goto(url)
    return page


def live_region(page) -> str:
    return page.evaluate("document.getElementById('live-region').textContent")


@pytest.mark.parametrize(
    ("view", "expected"), [("standard", PLAIN_SENTENCES), ("easyread", EASYREAD_SENTENCES)]
)
def test_reads_the_visible_words_of_the_main_content_in_order(browser, listen_url, view, expected):
    page = open_page(browser, f"{listen_url}/listen-sample?view={view}")
    play = page.locator("[data-listen-play]")
    assert play.is_visible() and play.inner_text() == "Listen"
    # Words that are not visible must never be read, however they are hidden.
    page.evaluate(
        """() => { const words = document.querySelector('[data-listen] h1').parentElement;
        const add = (html) => { const p = document.createElement('p'); p.innerHTML = html;
          words.appendChild(p); return p; };
        add('Hidden by attribute.').hidden = true;
        add('Hidden by style.').style.display = 'none';
        add('Invisible by style.').style.visibility = 'hidden';
        add('<span class="visually-hidden">For screen readers only.</span>');
        add('<span aria-hidden="true">Hidden from everyone.</span>'); }"""
    )
    play.click()
    queued = page.evaluate("window.__speech.log.filter(e => e !== 'cancel')")
    assert [entry["text"] for entry in queued] == expected
    assert {entry["lang"] for entry in queued} == {"en"}
    assert {entry["voice"] for entry in queued} == {"Test English"}
    assert {entry["rate"] for entry in queued} == {1}

    # The sentence being read is highlighted, and the highlight follows the reading.
    page.evaluate("window.__speech.advance()")
    assert page.evaluate(HIGHLIGHTED) == [expected[0]]
    page.evaluate("window.__speech.advance()")
    assert page.evaluate(HIGHLIGHTED) == [expected[1]]
    assert axe_violations(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"reading-{view}-320.png", full_page=True)
    for _ in expected:
        page.evaluate("window.__speech.advance()")
    assert page.evaluate(HIGHLIGHTED) == []
    assert play.inner_text() == "Listen"
    wait_until(page, "document.getElementById('live-region').textContent.length > 0")
    assert live_region(page) in ("Finished reading the page.", "That is the end of the words.")
    page.context.close()


def test_play_pause_stop_and_speed_with_the_keyboard_alone(browser, listen_url):
    page = open_page(browser, f"{listen_url}/listen-sample")
    page.locator("[data-listen-play]").focus()
    page.keyboard.press("Enter")
    wait_until(
        page, "document.getElementById('live-region').textContent === 'Reading the page aloud.'"
    )
    page.evaluate("window.__speech.advance(); window.__speech.advance()")
    assert page.locator("[data-listen-play]").inner_text() == "Pause"

    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('live-region').textContent === 'Paused.'")
    assert page.evaluate("window.__speech.paused")
    assert page.locator("[data-listen-play]").inner_text() == "Carry on listening"
    page.keyboard.press("Space")
    wait_until(page, "!window.__speech.paused")

    # Speed: the rest is queued again, from the sentence being read, at the new rate.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-listen-speed]')")
    before = page.evaluate("window.__speech.log.length")
    page.keyboard.press("ArrowDown")
    requeued = page.evaluate(f"window.__speech.log.slice({before})")
    assert requeued[0] == "cancel"
    assert [e["text"] for e in requeued[1:]] == PLAIN_SENTENCES[1:]
    assert {e["rate"] for e in requeued[1:]} == {1.25}

    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.matches('[data-listen-stop]')")
    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('live-region').textContent === 'Stopped reading.'")
    assert page.evaluate("document.activeElement.matches('[data-listen-play]')")
    assert page.locator("[data-listen-stop]").is_hidden()
    assert page.evaluate(HIGHLIGHTED) == []
    page.context.close()


def test_says_plainly_when_the_device_has_no_voice_for_the_language(browser, listen_url):
    page = open_page(browser, f"{listen_url}/listen-sample")
    page.evaluate("window.__speech.voices = [{lang: 'fr-FR', name: 'Test French'}]")
    page.locator("[data-listen-play]").click()
    message = page.locator("[data-listen-message]")
    assert message.is_visible()
    assert message.inner_text() == (
        "This device has no voice for this language, so it cannot read the page aloud."
    )
    assert page.evaluate(SPOKEN) == []
    assert axe_violations(page) == []
    page.context.close()


@pytest.mark.parametrize("without", ["javascript", "speech"])
def test_without_javascript_or_speech_the_page_is_unchanged(browser, listen_url, without):
    if without == "javascript":
        page = open_page(browser, f"{listen_url}/listen-sample", java_script_enabled=False)
    else:
        page = open_page(browser, f"{listen_url}/listen-sample", script=NO_SPEECH)
    assert page.locator(".listen").count() == 0
    assert page.get_by_text("Listen", exact=True).count() == 0
    page.context.close()


@pytest.mark.parametrize("view", ["standard", "easyread"])
@pytest.mark.parametrize("width", WIDTHS.values())
def test_pages_with_listen_pass_axe_and_fit(browser, listen_url, view, width):
    for path in ("/", "/agreement", "/agreements/panel", "/help"):
        page = open_page(browser, f"{listen_url}{path}?view={view}", width=width)
        assert page.locator("[data-listen-play]").is_visible(), path
        assert axe_violations(page) == [], path
        assert not has_horizontal_scroll(page), path
        SHOTS.mkdir(parents=True, exist_ok=True)
        name = path.strip("/") or "home"
        page.screenshot(path=SHOTS / f"{name}-{view}-{width}.png")
        page.context.close()


def test_each_part_is_read_in_its_own_language_and_parts_without_a_voice_are_left_out(
    browser, listen_url
):
    # The interface in Welsh: the page's words are still English, marked lang="en".
    page = open_page(browser, f"{listen_url}/listen-sample?lang=cy")
    page.evaluate(
        """() => { const p = document.createElement('p'); p.lang = 'cy';
        p.textContent = 'Croeso i bawb. Dyma frawddeg arall.';
        document.querySelector('[data-listen] h1').parentElement.appendChild(p); }"""
    )
    page.evaluate(
        "window.__speech.voices = [{lang: 'en-GB', name: 'Test English'},"
        " {lang: 'cy-GB', name: 'Test Welsh'}]"
    )
    page.locator("[data-listen-play]").click()
    queued = page.evaluate("window.__speech.log.filter(e => e !== 'cancel')")
    assert [(e["text"], e["lang"], e["voice"]) for e in queued] == [
        *((text, "en", "Test English") for text in PLAIN_SENTENCES),
        ("Croeso i bawb.", "cy", "Test Welsh"),
        ("Dyma frawddeg arall.", "cy", "Test Welsh"),
    ]
    page.locator("[data-listen-stop]").click()

    # A device with no Welsh voice reads the English and says what it left out.
    page.evaluate(
        "window.__speech.log = []; window.__speech.voices = [{lang: 'en-US', name: 'US'}]"
    )
    page.locator("[data-listen-play]").click()
    assert page.evaluate(SPOKEN) == PLAIN_SENTENCES
    assert page.locator("[data-listen-message]").is_visible()
    page.context.close()


@pytest.mark.parametrize("width", WIDTHS.values())
def test_the_checked_mark_passes_axe_and_fits(browser, listen_url, width):
    page = open_page(browser, f"{listen_url}/listen-sample?view=easyread", width=width)
    mark = page.locator(".checked-mark")
    assert mark.inner_text().strip() == "Checked by Speak Up Together in October 2026"
    assert axe_violations(page) == []
    assert not has_horizontal_scroll(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"checked-easyread-{width}.png", full_page=True)
    page.context.close()


def test_when_reading_ends_with_focus_on_stop_focus_stays_on_the_controls(browser, listen_url):
    page = open_page(browser, f"{listen_url}/listen-sample?view=easyread")
    page.locator("[data-listen-play]").click()
    page.locator("[data-listen-stop]").focus()
    for _ in range(len(EASYREAD_SENTENCES) + 1):
        page.evaluate("window.__speech.advance()")
    assert page.locator("[data-listen-stop]").is_hidden()
    assert page.evaluate("document.activeElement.matches('[data-listen-play]')")
    page.context.close()


def test_an_agreement_principle_can_be_heard_while_agreeing(browser, listen_url):
    """Inside the consent conversation: the principle's words are read, not the form's
    label or button, and the next turn (swapped in by htmx) gets its own controls."""
    from .test_agreements import join_quickly, submit_turn

    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_init_script(FAKE_SPEECH)
    page = context.new_page()
    join_quickly(page, listen_url, True)
    wait_until(page, "location.pathname === '/agreements/panel/agree/introduction'")
    submit_turn(page)
    wait_until(page, "location.pathname === '/agreements/panel/agree/participation'")
    wait_until(page, "!!document.querySelector('[data-listen-play]')")
    page.locator("[data-listen-play]").click()
    spoken = page.evaluate(SPOKEN)
    words = " ".join(page.locator("[data-listen] .principle").inner_text().split())
    assert spoken and all(sentence in words for sentence in spoken)
    label = " ".join(page.locator("label[for=agree]").inner_text().split())
    assert not any(sentence in label for sentence in spoken)
    assert axe_violations(page) == []

    page.locator("#agree").check()
    submit_turn(page)
    wait_until(page, "location.pathname === '/agreements/panel/agree/accountability'")
    wait_until(page, "!!document.querySelector('[data-listen-play]')")
    assert page.locator("[data-listen-play]").inner_text() == "Listen"  # the old reading stopped
    assert page.evaluate("window.__speech.log[window.__speech.log.length - 1]") == "cancel"
    context.close()
