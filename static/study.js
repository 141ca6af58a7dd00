// Keyboard shortcuts for quizzes and flashcard review. Progressive enhancement only:
// every action is also a plain link or form that works without this file.
(function () {
  "use strict";

  function typing(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    return tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && !/^(radio|checkbox|button|submit)$/i.test(el.type)) || el.isContentEditable;
  }

  // A form htmx swapped in a moment ago may not carry htmx's handlers yet (it attaches them as the
  // swap settles): submitted then, it would leave the page for the no-JavaScript path. Processing
  // is idempotent, so make sure before submitting from the keyboard.
  function ready(form) {
    if (form && window.htmx) { window.htmx.process(form); }
  }

  function onScreen(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);
  }

  function reveal(card) {
    var back = card.querySelector("#card-back");
    if (!back || !back.hidden) { return false; }
    back.hidden = false;
    var link = card.querySelector("[data-reveal]");
    if (link) { link.parentNode.removeChild(link); }
    // Focus "Good" without letting the browser scroll to it (that pushed the question and the
    // answer off a phone's screen), then bring the answer into view if it is not already: its
    // scroll-margin keeps it clear of the rating bar fixed at the bottom of narrow screens.
    var good = card.querySelector('button[data-rating="3"]');
    if (good) { good.focus({ preventScroll: true }); }
    var answer = back.querySelector(".answer");
    if (answer) { answer.scrollIntoView({ block: "nearest" }); }
    if (good && !onScreen(good)) { good.scrollIntoView({ block: "nearest" }); }
    return true;
  }

  // "Show answer" reveals in place instead of reloading the page.
  document.addEventListener("click", function (evt) {
    var link = evt.target.closest && evt.target.closest("[data-reveal]");
    if (!link) { return; }
    var card = link.closest("[data-flashcard]");
    if (card && reveal(card)) { evt.preventDefault(); }
  });

  document.addEventListener("keydown", function (evt) {
    if (evt.altKey || evt.ctrlKey || evt.metaKey || evt.isComposing) { return; }
    var active = document.activeElement;
    var card = document.querySelector("[data-flashcard]");
    if (card || document.querySelector("[data-undo-form]")) {
      if (typing(active)) { return; }
      if (evt.key === " " || evt.key === "Spacebar") {
        if (card && reveal(card)) { evt.preventDefault(); }
        return;
      }
      if (/^[1-4]$/.test(evt.key) && card) {
        var back = card.querySelector("#card-back");
        if (back && !back.hidden) {
          var button = card.querySelector('button[data-rating="' + evt.key + '"]');
          if (button && !button.disabled) { evt.preventDefault(); ready(button.form); button.click(); }
        }
        return;
      }
      if (evt.key === "u" || evt.key === "U") {
        var undo = document.querySelector("[data-undo-form]");
        if (undo) { evt.preventDefault(); ready(undo); undo.requestSubmit(); }
      }
      return;
    }

    var form = document.querySelector("[data-quiz-form]");
    if (!form) { return; }
    if (/^[1-9]$/.test(evt.key) && !typing(active)) {
      var radios = form.querySelectorAll('input[type="radio"][name="response"]');
      var pick = radios[parseInt(evt.key, 10) - 1];
      if (pick) { evt.preventDefault(); pick.checked = true; pick.focus(); }
      return;
    }
    if (evt.key === "Enter" && active && active.type === "radio" && form.contains(active)) {
      evt.preventDefault();
      form.requestSubmit();
    }
  });

  // A 422 (answer missing, positions repeated) carries the form back with its message: show it.
  document.addEventListener("htmx:beforeSwap", function (evt) {
    var target = evt.detail.target;
    if (evt.detail.xhr.status === 422 && target && (target.id === "quiz-stage" || target.id === "review-stage")) {
      evt.detail.shouldSwap = true;
      evt.detail.isError = false;
    }
  });
})();
