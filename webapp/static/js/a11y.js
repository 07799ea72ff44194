/* Common Ground: the one accessibility script. Everything works without it;
   it adds the quick-exit shortcut, "show password", live word counts, and moves
   focus and announces new content after each htmx swap. */
(function () {
  "use strict";

  function liveRegion() { return document.getElementById("live-region"); }

  function announce(text) {
    var region = liveRegion();
    if (!region || !text) { return; }
    region.textContent = "";
    // A short pause makes screen readers notice the change even if the text repeats.
    window.setTimeout(function () { region.textContent = text.trim(); }, 100);
  }
  // The one live region, shared with listen.js so every announcement goes the same way.
  window.commonGround = { announce: announce };

  /* Quick exit: a plain link without JavaScript; with it, leave at once and
     replace this page in the history so Back does not return here. */
  function quickExit(url) {
    document.body.classList.add("exiting");
    document.title = "";
    // Forget this device's session on the way out (signed out, saved answers unreachable).
    if (navigator.sendBeacon) { navigator.sendBeacon(document.body.getAttribute("data-leave-now-url")); }
    window.location.replace(url || document.body.getAttribute("data-quick-exit-url"));
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-quick-exit]");
    if (link) { event.preventDefault(); quickExit(link.href); }
  });

  var shiftPresses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { shiftPresses = []; return; }
    if (event.repeat) { return; }
    var now = Date.now();
    shiftPresses = shiftPresses.filter(function (t) { return now - t < 2000; });
    shiftPresses.push(now);
    if (shiftPresses.length >= 3) { shiftPresses = []; quickExit(); }
  });

  function countWords(text) {
    var words = text.trim().split(/\s+/);
    return words[0] === "" ? 0 : words.length;
  }

  function setUpWordCount(textarea) {
    var message = document.getElementById(textarea.id + "-count");
    var limit = parseInt(textarea.getAttribute("data-max-words"), 10);
    if (!message || !limit) { return; }
    var timer = null;
    function update(speak) {
      var left = limit - countWords(textarea.value);
      // The wording comes from the page, already translated.
      var key = left >= 0 ? (left === 1 ? "data-left-one" : "data-left") : (left === -1 ? "data-over-one" : "data-over");
      var text = message.getAttribute(key).replace("{n}", Math.abs(left).toLocaleString(document.documentElement.lang || "en-GB"));
      message.textContent = text;
      message.classList.toggle("count-message--over", left < 0);
      if (speak) {
        window.clearTimeout(timer);
        // Only while the person is still writing here: once they have sent the form and
        // moved on, a late word count would talk over the next question.
        timer = window.setTimeout(function () {
          if (document.activeElement === textarea) { announce(text); }
        }, 1200);
      }
    }
    textarea.addEventListener("input", function () { update(true); });
    textarea.addEventListener("blur", function () { window.clearTimeout(timer); });
    update(false);
  }

  function setUpShowPassword(button) {
    var input = document.getElementById(button.getAttribute("data-show-password"));
    if (!input) { return; }
    var showLabel = button.textContent.trim();
    button.hidden = false;
    button.addEventListener("click", function () {
      var showing = input.type === "text";
      input.type = showing ? "password" : "text";
      button.textContent = showing ? showLabel : button.getAttribute("data-hide-label");
      announce(button.getAttribute(showing ? "data-hidden" : "data-shown"));
    });
  }

  function setUp(root) {
    root.querySelectorAll("[data-quick-exit-hint]").forEach(function (el) { el.hidden = false; });
    root.querySelectorAll("textarea[data-max-words]").forEach(setUpWordCount);
    root.querySelectorAll("[data-show-password]").forEach(setUpShowPassword);
    root.querySelectorAll("[data-print-row]").forEach(function (row) { row.hidden = false; });
    // The Print button is there now: the sentence saying how to print without it is not needed.
    root.querySelectorAll("[data-print-hint]").forEach(function (hint) { hint.hidden = true; });
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          announce(button.getAttribute("data-copied"));
        });
      });
    });
  }

  /* Focus alone is not always read: also say how many things there are to fix. */
  function showErrors(summary) {
    summary.focus();
    announce(summary.getAttribute("data-announce"));
  }

  /* After htmx swaps new content in: focus the error summary if there is one,
     otherwise the new heading, and announce what arrived. */
  /* The place the address names (after '#'), when it is in the main content. */
  function placeNamed(anchor) {
    var place = anchor && document.getElementById(decodeURIComponent(anchor));
    return place && place.closest("main") ? place : null;
  }

  function focusNewContent(container, anchor) {
    // After an outerHTML swap the old target is detached: look in <main> instead.
    if (!container || !container.isConnected) { container = document.getElementById("main-content") || document.body; }
    var summary = container.querySelector("[data-error-summary]") || document.querySelector("[data-error-summary]");
    if (summary) { showErrors(summary); return; }
    // A swapped-in list can name where focus goes next (the next item in a queue), and
    // an address can name a place on the page (the task just changed).
    var pageHeading = container.querySelector("h1") || document.querySelector("main h1");
    var place = !document.querySelector("main [data-focus-after-swap]") && placeNamed(anchor);
    var heading = document.querySelector("main [data-focus-after-swap]") || place || pageHeading;
    if (!heading) { return; }
    if (!heading.hasAttribute("tabindex")) { heading.setAttribute("tabindex", "-1"); }
    heading.focus();
    var note = container.matches("[data-announce]") ? container : container.querySelector("[data-announce]");
    // At a place on the page, the place itself is read as it takes focus: say which page.
    var said = place && pageHeading ? pageHeading : heading;
    announce(note ? note.getAttribute("data-announce") : said.textContent);
  }

  /* An error summary link moves to the field, with its label or question in view
     (a plain jump to the input would hide them above the top of a small screen). */
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
    if (!link) { return; }
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) { return; }
    var fieldset = input.closest("fieldset");
    var label = (fieldset && fieldset.querySelector("legend")) || document.querySelector("label[for='" + input.id + "']");
    event.preventDefault();
    (label || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });

  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    if (token) { event.detail.headers["X-CSRFToken"] = token.getAttribute("content"); }
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    var target = event.detail.target;
    if (target) { target.setAttribute("aria-busy", "true"); }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var target = event.detail.target;
    if (target) { target.removeAttribute("aria-busy"); }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var path = event.detail.pathInfo;
    focusNewContent(event.detail.target || document.body, path && path.anchor);
  });
  document.addEventListener("htmx:historyRestore", function () { focusNewContent(document.body); });

  if (window.htmx) {
    window.htmx.onLoad(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
  // A whole page that arrives with errors (a plain form post) is announced too.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { showErrors(summary); }
  });
}());
