// Progressive enhancement only: every page works without this script.
(function () {
  "use strict";
  // "/" focuses the filter box (unless already typing somewhere).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
    var filter = document.getElementById("filter");
    if (!filter) return;
    event.preventDefault();
    filter.focus();
    filter.setSelectionRange(filter.value.length, filter.value.length);
  });
  // After a filter error, put the cursor where the parser stopped ("column N").
  document.addEventListener("DOMContentLoaded", function () {
    var error = document.getElementById("filter-error");
    var filter = document.getElementById("filter");
    if (!error || !filter) return;
    var match = /column (\d+)/.exec(error.textContent || "");
    filter.focus();
    if (match) {
      var at = Math.min(filter.value.length, Math.max(0, parseInt(match[1], 10) - 1));
      filter.setSelectionRange(at, at);
    }
  });
  // Compare: enable the button only for 2 to 10 selected runs.
  document.addEventListener("change", function (event) {
    var form = document.getElementById("compare-form");
    if (!form || !form.contains(event.target)) return;
    var count = form.querySelectorAll('input[name="runs"]:checked').length;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.textContent = count ? "Compare selected (" + count + ")" : "Compare selected";
  });
})();
