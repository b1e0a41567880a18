// Issuing progress: while a batch runs, poll its JSON and move the <progress> bar. The page
// works without this file (its "Päivitä" link reloads it).
(function () {
  "use strict";
  var panel = document.querySelector("[data-progress]");
  if (!panel || panel.hasAttribute("data-finished") || !window.fetch) return;
  var url = panel.getAttribute("data-progress");
  var bar = document.getElementById("batch-progress");
  var status = document.getElementById("batch-status");
  var labels = (status.getAttribute("data-labels") || "").split("|");
  var names = ["queued", "running", "done", "failed"];
  function set(id, v) { var el = document.getElementById(id); if (el) el.textContent = String(v); }
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (p) {
        bar.max = p.total > 0 ? p.total : 1;
        bar.value = p.done;
        bar.textContent = p.done + " / " + p.total;
        set("batch-total", p.total);
        set("batch-done", p.done);
        set("batch-failed", p.failed);
        set("batch-percent", (p.total > 0 ? Math.floor(100 * p.done / p.total) : 0) + " %");
        var i = names.indexOf(p.status);
        if (i >= 0 && labels[i]) set("batch-status", labels[i]);
        if (p.finished) {
          // Reload once, so that the finished time and any error are shown.
          window.location.reload();
          return;
        }
        setTimeout(tick, 1500);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  setTimeout(tick, 1000);
})();
