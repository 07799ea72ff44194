/* Common Ground: Listen. Reads a page's words aloud with the browser's own speech
   synthesis: no third party, nothing sent anywhere. A region marked data-listen
   (templates/components/listen.html) holds the words and an inert <template> of
   controls; the controls appear only where the browser can speak.

   What is read: the visible text inside the region, block by block, sentence by
   sentence, never hidden text, controls or anything marked data-listen-skip. Each
   sentence is spoken in the language of its part of the page (the nearest lang) with a
   voice for that language; parts with no voice on this device are left out, and the
   person is told. The sentence being read is highlighted. */
(function () {
  "use strict";

  var speech = window.speechSynthesis;
  if (!speech || typeof window.SpeechSynthesisUtterance !== "function") { return; }

  var BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, dt, dd, td, th, caption, figcaption, " +
    "blockquote, summary, legend, label, div, section, article, main";
  var NEVER_READ = "[data-listen-skip], template, script, style, noscript, button, select, " +
    "textarea, input, nav, form, [aria-hidden='true'], .visually-hidden, .back-link, .variant-link";
  var HIGHLIGHT = "listen-sentence";
  var idCount = 0;
  var active = null; // the one reading in progress: {region, controls, sentences, index, generation}

  function announce(text) {
    if (window.commonGround && window.commonGround.announce) { window.commonGround.announce(text); }
  }

  function isVisible(element, region) {
    // Only what lies inside the region counts: a region may itself sit in a form.
    var skipped = element.closest(NEVER_READ);
    if (skipped && region.contains(skipped)) { return false; }
    if (element.checkVisibility && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      return false;
    }
    var style = window.getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") { return false; }
    var box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1; // a 1 px box is text for screen readers only
  }

  /* The region's visible text as chunks: runs of text nodes sharing one block. */
  function chunksOf(region) {
    var chunks = [];
    var walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    var node, current = null;
    while ((node = walker.nextNode())) {
      if (!node.nodeValue.trim() || !isVisible(node.parentElement, region)) { continue; }
      var block = node.parentElement.closest(BLOCKS);
      if (!current || current.block !== block) {
        current = { block: block, nodes: [], text: "" };
        chunks.push(current);
      }
      current.nodes.push({ node: node, start: current.text.length });
      current.text += node.nodeValue;
    }
    return chunks;
  }

  function pointAt(chunk, offset) {
    for (var i = chunk.nodes.length - 1; i >= 0; i -= 1) {
      if (offset >= chunk.nodes[i].start) {
        var part = chunk.nodes[i];
        return { node: part.node, offset: Math.min(offset - part.start, part.node.nodeValue.length) };
      }
    }
    return { node: chunk.nodes[0].node, offset: 0 };
  }

  function sentenceSpans(text, lang) {
    if (window.Intl && Intl.Segmenter) {
      var segments = [];
      var segmenter = new Intl.Segmenter(lang || undefined, { granularity: "sentence" });
      for (var s of segmenter.segment(text)) { segments.push({ start: s.index, end: s.index + s.segment.length }); }
      return segments;
    }
    var spans = [], pattern = /[^.!?]+(?:[.!?]+|$)/g, match;
    while ((match = pattern.exec(text))) { spans.push({ start: match.index, end: match.index + match[0].length }); }
    return spans;
  }

  function languageOf(element) {
    var owner = element.closest("[lang]");
    return (owner && owner.getAttribute("lang")) || document.documentElement.lang || "en";
  }

  /* Every sentence to read, in order: its words, language and place on the page. */
  function sentencesOf(region) {
    var sentences = [];
    chunksOf(region).forEach(function (chunk) {
      var lang = languageOf(chunk.nodes[0].node.parentElement);
      sentenceSpans(chunk.text, lang).forEach(function (span) {
        var raw = chunk.text.slice(span.start, span.end);
        var words = raw.replace(/\s+/g, " ").trim();
        if (!words) { return; }
        var lead = raw.length - raw.replace(/^\s+/, "").length;
        var trail = raw.length - raw.replace(/\s+$/, "").length;
        var range = document.createRange();
        var from = pointAt(chunk, span.start + lead), to = pointAt(chunk, span.end - trail);
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
        sentences.push({ text: words, lang: lang, range: range, block: chunk.block });
      });
    });
    return sentences;
  }

  function voiceFor(lang, voices) {
    var wanted = lang.toLowerCase();
    var primary = wanted.split("-")[0];
    var matching = voices.filter(function (v) {
      return (v.lang || "").toLowerCase().replace("_", "-").split("-")[0] === primary;
    });
    var exact = matching.filter(function (v) { return (v.lang || "").toLowerCase().replace("_", "-") === wanted; });
    var british = matching.filter(function (v) { return /-gb$/i.test(v.lang || ""); });
    return exact[0] || british[0] || matching[0] || null;
  }

  function highlight(sentence) {
    clearHighlight();
    if (!sentence) { return; }
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set(HIGHLIGHT, new Highlight(sentence.range));
    } else if (sentence.block) {
      sentence.block.classList.add("listen-reading");
    }
    if (sentence.block && sentence.block.scrollIntoView) { sentence.block.scrollIntoView({ block: "nearest" }); }
  }

  function clearHighlight() {
    if (window.CSS && CSS.highlights) { CSS.highlights.delete(HIGHLIGHT); }
    document.querySelectorAll(".listen-reading").forEach(function (el) { el.classList.remove("listen-reading"); });
  }

  function show(controls, state, message) {
    var play = controls.querySelector("[data-listen-play]");
    var label = { idle: "data-label-play", reading: "data-label-pause", paused: "data-label-resume" }[state];
    play.textContent = controls.getAttribute(label);
    play.setAttribute("data-state", state);
    var stop = controls.querySelector("[data-listen-stop]");
    // Reading ends by itself with focus on Stop: keep focus on the controls as Stop hides.
    if (state === "idle" && document.activeElement === stop) { play.focus(); }
    stop.hidden = state === "idle";
    var note = controls.querySelector("[data-listen-message]");
    note.textContent = message || "";
    note.hidden = !message;
  }

  function speakFrom(index) {
    var reading = active;
    reading.generation += 1;
    var generation = reading.generation;
    speech.cancel();
    var rate = parseFloat(reading.controls.querySelector("[data-listen-speed]").value) || 1;
    reading.sentences.slice(index).forEach(function (sentence, offset) {
      var utterance = new window.SpeechSynthesisUtterance(sentence.text);
      utterance.lang = sentence.lang;
      if (sentence.voice) { utterance.voice = sentence.voice; }
      utterance.rate = rate;
      utterance.onstart = function () {
        if (active !== reading || reading.generation !== generation) { return; }
        reading.index = index + offset;
        highlight(sentence);
      };
      utterance.onend = function () {
        if (active !== reading || reading.generation !== generation) { return; }
        if (index + offset === reading.sentences.length - 1) { finish(reading.controls.getAttribute("data-finished")); }
      };
      speech.speak(utterance);
    });
  }

  function finish(message) {
    if (!active) { return; }
    var controls = active.controls;
    active.generation += 1; // late events from cancelled sentences change nothing
    active = null;
    speech.cancel();
    clearHighlight();
    show(controls, "idle");
    announce(message);
  }

  function start(region, controls) {
    if (active) { finish(controls.getAttribute("data-stopped")); }
    var voices = speech.getVoices() || [];
    var all = sentencesOf(region);
    var readable = all.filter(function (sentence) {
      sentence.voice = voiceFor(sentence.lang, voices);
      return !!sentence.voice;
    });
    if (!readable.length) {
      show(controls, "idle", controls.getAttribute("data-no-voice"));
      announce(controls.getAttribute("data-no-voice"));
      return;
    }
    var partial = readable.length < all.length ? controls.getAttribute("data-some-no-voice") : "";
    active = { region: region, controls: controls, sentences: readable, index: 0, generation: 0 };
    show(controls, "reading", partial);
    announce((partial ? partial + " " : "") + controls.getAttribute("data-reading"));
    speakFrom(0);
  }

  function setUpRegion(region) {
    if (region.hasAttribute("data-listen-ready")) { return; }
    var template = region.querySelector("template[data-listen-controls]");
    if (!template) { return; }
    region.setAttribute("data-listen-ready", "");
    var controls = template.content.firstElementChild.cloneNode(true);
    idCount += 1;
    var select = controls.querySelector("[data-listen-speed]");
    select.id = "listen-speed-" + idCount;
    controls.querySelector("[data-listen-speed-label]").setAttribute("for", select.id);
    // Just under the heading, where the page starts; else at the top of the region.
    var heading = region.querySelector("h1");
    if (heading && heading.parentNode) {
      heading.parentNode.insertBefore(controls, heading.nextSibling);
    } else {
      region.insertBefore(controls, region.firstChild);
    }
    var play = controls.querySelector("[data-listen-play]");
    play.addEventListener("click", function () {
      var state = play.getAttribute("data-state");
      if (active && active.controls === controls && state === "reading") {
        speech.pause();
        show(controls, "paused");
        announce(controls.getAttribute("data-paused"));
      } else if (active && active.controls === controls && state === "paused") {
        speech.resume();
        show(controls, "reading");
        announce(controls.getAttribute("data-reading"));
      } else {
        start(region, controls);
      }
    });
    controls.querySelector("[data-listen-stop]").addEventListener("click", function () {
      finish(controls.getAttribute("data-stopped"));
    });
    select.addEventListener("change", function () {
      if (active && active.controls === controls) {
        if (play.getAttribute("data-state") === "paused") { speech.resume(); }
        show(controls, "reading");
        speakFrom(active.index);
      }
    });
    show(controls, "idle");
  }

  function setUp(root) {
    var scope = root && root.querySelectorAll ? root : document;
    if (scope.matches && scope.matches("[data-listen]")) { setUpRegion(scope); }
    scope.querySelectorAll("[data-listen]").forEach(setUpRegion);
  }

  // Ask early: some browsers load their voices only when first asked.
  speech.getVoices();
  // A new page (boosted link, history) replaces the region: stop reading the old one.
  document.addEventListener("htmx:afterSwap", function () {
    if (active && !active.region.isConnected) { finish(""); }
  });
  window.addEventListener("pagehide", function () { speech.cancel(); });

  if (window.htmx) {
    window.htmx.onLoad(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
}());
