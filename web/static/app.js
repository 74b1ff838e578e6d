// jixiao serve: the little the pages need beyond HTML. Without it every form still works;
// with it, the name of who saves is remembered in this browser and carried into each form.
(function () {
  "use strict";
  var KEY = "jixiao.saver";
  var saver = document.getElementById("saver");
  if (saver) {
    if (!saver.value) {
      try { saver.value = localStorage.getItem(KEY) || ""; } catch (e) { /* storage off */ }
    }
    saver.addEventListener("change", function () {
      try { localStorage.setItem(KEY, saver.value.trim()); } catch (e) { /* storage off */ }
    });
  }
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!saver || !form.matches("form.review, form.inline")) return;
    var name = saver.value.trim();
    var field = form.querySelector('input[type="hidden"][name="reviewer"], input[type="hidden"][name="saver"]');
    if (field && name) field.value = name;
    try { if (name) localStorage.setItem(KEY, name); } catch (e) { /* storage off */ }
  });
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });
  // A save brings the page back at the indicator: keep it in view, below the header.
  var saved = document.querySelector(".saved");
  if (saved && saved.scrollIntoView) saved.scrollIntoView({ block: "center" });
})();
