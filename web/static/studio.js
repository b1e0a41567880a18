// Design studio: autosave of the step form (debounced fetch POST with the form's CSRF
// token) and adding and removing learning outcome rows without a page load. The editor
// works without this file: every step is a form that saves the draft.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) return;
  var status = form.querySelector("[data-autosave-status]");
  var revision = form.querySelector("[data-revision]");
  var checklist = document.querySelector("[data-checklist]");
  var multipart = form.enctype === "multipart/form-data";
  var timer = null, busy = false, again = false, stopped = false;

  function say(text, problem) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("problem", !!problem);
  }

  function body() {
    var fd = new FormData(form);
    var params = new URLSearchParams();
    fd.forEach(function (v, k) {
      if (typeof v === "string" && k !== "op") params.append(k, v);
    });
    params.set("op", "save");
    return params;
  }

  if (!multipart) say(form.getAttribute("data-idle") || "", false);

  // The checklist's count in the page header and the per-step counts in the step list
  // follow the checklist that an autosave brought back.
  function gateCounts() {
    var errs = checklist.querySelectorAll("li.check-error a"), perStep = {};
    errs.forEach(function (a) {
      var m = /\/step\/(\d+)/.exec(a.getAttribute("href") || "");
      if (m) perStep[m[1]] = (perStep[m[1]] || 0) + 1;
    });
    var link = document.querySelector("[data-gate-link]");
    if (link) {
      link.textContent = errs.length ? link.getAttribute("data-n").replace("{n}", errs.length) : link.getAttribute("data-ok");
      link.classList.toggle("blocked-link", errs.length > 0);
    }
    var ol = document.querySelector("[data-step-errors]");
    if (!ol) return;
    ol.querySelectorAll("a[data-step]").forEach(function (a) {
      var old = a.querySelector(".step-errors"), n = perStep[a.getAttribute("data-step")] || 0;
      if (old) old.remove();
      if (n) {
        var span = document.createElement("span");
        span.className = "step-errors";
        span.textContent = ol.getAttribute("data-step-errors").replace("{n}", n);
        a.appendChild(document.createTextNode(" "));
        a.appendChild(span);
      }
    });
  }

  function save() {
    if (stopped) return;
    if (busy) { again = true; return; }
    busy = true;
    say(form.getAttribute("data-saving") || "", false);
    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: body().toString()
    }).then(function (res) {
      return res.json().then(function (data) { return { res: res, data: data }; });
    }).then(function (r) {
      var d = r.data;
      if (r.res.ok && d.ok) {
        if (revision && d.revision) revision.value = d.revision;
        if (checklist && d.checklist) { checklist.innerHTML = d.checklist; gateCounts(); }
        if (d.outcomeIds) {
          // New rows learn the IDs the server gave them, so that later saves keep them.
          Object.keys(d.outcomeIds).forEach(function (i) {
            var inp = form.querySelector("input[name='outcomes-" + i + "-id']");
            if (inp && !inp.value) inp.value = d.outcomeIds[i];
          });
        }
        say(d.message, false);
        markFields(null);
      } else if (r.res.status === 409) {
        // Someone else saved: stop, keep what is typed, and let the person decide.
        stopped = true;
        say(d.message, true);
      } else {
        say(d.message, true);
        markFields(d.errors);
      }
    }).catch(function () {
      say(form.getAttribute("data-offline") || "", true);
    }).then(function () {
      busy = false;
      if (held) {
        held = false;
        if (form.requestSubmit) form.requestSubmit(heldButton); else form.submit();
      } else if (again) { again = false; schedule(); }
    });
  }

  function schedule() {
    if (multipart || stopped) return; // a picture is sent with the buttons
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  }

  // A refused autosave marks the fields it names, as the page does after a button save:
  // the message above the field, tied to it, and the field marked invalid. The marks go
  // when a later autosave succeeds. Fields that the page already marks are left as they are.
  var marks = [];
  function markFields(errors) {
    marks.forEach(function (m) {
      m.p.remove();
      if (m.describedby === null) m.input.removeAttribute("aria-describedby");
      else m.input.setAttribute("aria-describedby", m.describedby);
      m.input.removeAttribute("aria-invalid");
      if (m.field) m.field.classList.remove("has-error");
    });
    marks = [];
    Object.keys(errors || {}).forEach(function (id) {
      var input = document.getElementById(id);
      if (!input || !form.contains(input) || document.getElementById(id + "-error")) return;
      var p = document.createElement("p");
      p.className = "field-error";
      p.id = id + "-error";
      p.textContent = errors[id];
      var group = input.tagName === "FIELDSET", legend = group && input.querySelector("legend");
      if (legend) legend.parentNode.insertBefore(p, legend.nextSibling);
      else input.parentNode.insertBefore(p, input);
      var db = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", (db ? db + " " : "") + p.id);
      if (!group) input.setAttribute("aria-invalid", "true");
      var field = input.closest(".field");
      if (field && field.classList.contains("has-error")) field = null;
      if (field) field.classList.add("has-error");
      marks.push({ input: input, p: p, describedby: db, field: field });
    });
  }

  // A button press saves the whole step itself: drop a pending autosave, and if one is on
  // its way, send the form when it has answered, with the revision it brought back (sent
  // at the same time, the two saves would refuse each other as stale).
  var held = false, heldButton = null;
  form.addEventListener("submit", function (e) {
    clearTimeout(timer);
    if (busy) {
      e.preventDefault();
      held = true;
      heldButton = e.submitter || null;
      return;
    }
    stopped = true;
  });

  form.addEventListener("input", schedule);
  form.addEventListener("change", function (e) {
    if (e.target.type !== "file") schedule();
  });

  // Learning outcome rows.
  var list = form.querySelector("[data-outcomes]");
  var tpl = document.getElementById("outcome-template");
  function renumber() {
    if (!list) return;
    list.querySelectorAll("[data-outcome]").forEach(function (row, i) {
      var n = row.querySelector("[data-n]");
      if (n) n.textContent = String(i + 1);
      row.id = "outcome-" + (i + 1);
    });
  }
  form.addEventListener("click", function (e) {
    var add = e.target.closest("[data-add-outcome]");
    var rm = e.target.closest("[data-remove-outcome]");
    if (add && list && tpl) {
      e.preventDefault();
      var next = 0;
      list.querySelectorAll("input[name='outcome']").forEach(function (inp) {
        next = Math.max(next, parseInt(inp.value, 10) + 1);
      });
      var html = tpl.innerHTML.split("__i__").join(String(next));
      var empty = list.querySelector("[data-no-outcomes]");
      if (empty) empty.remove();
      list.insertAdjacentHTML("beforeend", html);
      renumber();
      var rows = list.querySelectorAll("[data-outcome]");
      var first = rows[rows.length - 1].querySelector("textarea, input[type='text']");
      if (first) first.focus();
      schedule();
    } else if (rm && list) {
      e.preventDefault();
      var row = rm.closest("[data-outcome]");
      var prev = row.previousElementSibling || row.nextElementSibling;
      row.remove();
      renumber();
      var focus = prev ? prev.querySelector("textarea, input[type='text']") : form.querySelector("[data-add-outcome]");
      if (focus) focus.focus();
      schedule();
    }
  });
})();
