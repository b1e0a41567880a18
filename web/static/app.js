// POKOT progressive enhancement. Every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary of a rejected form, so that screen-reader and
  // keyboard users hear what went wrong first.
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) {
    summary.focus();
  }
  // Summary links focus the field itself (not just scroll to it).
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var el = document.getElementById(a.getAttribute("href").slice(1));
      if (!el) return;
      e.preventDefault();
      var target = el.matches("fieldset") ? el.querySelector("input, select") || el : el;
      target.focus();
      el.scrollIntoView({ block: "center" });
    });
  });
  // A new API token's secret can be selected with one click.
  var secret = document.getElementById("token-secret");
  if (secret) {
    secret.addEventListener("click", function () {
      var range = document.createRange();
      range.selectNodeContents(secret);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    });
  }
})();
