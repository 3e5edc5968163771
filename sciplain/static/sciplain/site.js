/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  var root = document.documentElement;
  var SIZES = ["normal", "large", "larger"];
  try {
    var saved = localStorage.getItem("sciplain-text-size");
    if (saved && SIZES.indexOf(saved) > 0) root.setAttribute("data-text-size", saved);
  } catch (e) { /* storage may be blocked */ }

  function setSize(size) {
    if (size === "normal") root.removeAttribute("data-text-size"); else root.setAttribute("data-text-size", size);
    try { localStorage.setItem("sciplain-text-size", size); } catch (e) { /* ignore */ }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var header = document.querySelector(".header-inner");
    if (header) {
      var group = document.createElement("div");
      group.className = "text-size";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Text size");
      [["A", "normal", "Normal text size"], ["A+", "large", "Larger text"], ["A++", "larger", "Largest text"]].forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = b[0];
        button.setAttribute("aria-label", b[2]);
        button.addEventListener("click", function () { setSize(b[1]); });
        group.appendChild(button);
      });
      header.appendChild(group);
    }

    var simple = document.getElementById("simple-explanation");
    if (simple && "speechSynthesis" in window) {
      var listen = document.createElement("button");
      listen.type = "button";
      listen.className = "listen secondary";
      listen.textContent = "Listen";
      listen.setAttribute("aria-pressed", "false");
      listen.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) {
          window.speechSynthesis.cancel();
          listen.setAttribute("aria-pressed", "false");
          listen.textContent = "Listen";
          return;
        }
        var utterance = new SpeechSynthesisUtterance(simple.textContent);
        utterance.onend = function () { listen.setAttribute("aria-pressed", "false"); listen.textContent = "Listen"; };
        listen.setAttribute("aria-pressed", "true");
        listen.textContent = "Stop reading";
        window.speechSynthesis.speak(utterance);
      });
      simple.parentNode.insertBefore(listen, simple.nextSibling);
    }

    var feedbackForm = document.querySelector("form[data-feedback-status]");
    if (feedbackForm) enhanceFeedback(feedbackForm);
  });

  /* "Was this summary helpful?": send the vote with fetch() and announce the answer in the
     form's live region, so the page does not reload and focus stays on the pressed button.
     Without JS (or without fetch) the same form posts normally and the server redirects. */
  function enhanceFeedback(form) {
    var status = document.getElementById(form.getAttribute("data-feedback-status"));
    if (!status || !window.fetch || !window.FormData) return;
    var busy = false;
    var FAILED = "Sorry, your answer could not be saved. Please try again.";

    function announce(text) {
      status.textContent = "";
      var p = document.createElement("p");
      p.className = "notice";
      p.textContent = text;
      // Adding a new node after clearing makes screen readers announce a repeated message too.
      window.setTimeout(function () { status.appendChild(p); }, 50);
    }

    form.addEventListener("submit", function (event) {
      var button = event.submitter || document.activeElement;
      if (!button || button.name !== "helpful") return;
      event.preventDefault();
      if (busy) return;
      busy = true;
      form.setAttribute("aria-busy", "true");
      var data = new FormData(form);
      data.append("helpful", button.value);
      fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" }
      }).then(function (response) {
        return response.json().catch(function () { return { ok: false, message: FAILED }; });
      }).then(function (body) {
        announce(body.message || FAILED);
        // The address now says what the no-JS redirect says: reloading shows the same thanks.
        if (body.ok && window.history.replaceState) window.history.replaceState(null, "", "?voted=1#feedback");
      }).catch(function () {
        announce("Sorry, your answer could not be saved. Check your connection and try again.");
      }).then(function () {
        busy = false;
        form.removeAttribute("aria-busy");
      });
    });
  }
})();
