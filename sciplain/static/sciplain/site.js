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
  });
})();
