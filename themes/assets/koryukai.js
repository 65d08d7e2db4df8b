/* Re-check each meeting's sign-up state against the visitor's clock (Japan time).
   A page built days ago must never offer a form that has closed since. The
   script can only move a state forward (open → closing → closed, or
   not-yet-open → open); it never reopens what the build closed. */
(function () {
  "use strict";
  var LABELS = { open: "受付中", closing: "締切間近", closed: "受付終了", not_open: "受付前", held: "開催済み" };
  var CLOSING_DAYS = 7;

  function todayInJapan() {
    var parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    return parts.slice(0, 10); // YYYY-MM-DD
  }

  function daysBetween(from, to) {
    return Math.round((Date.parse(to + "T00:00:00Z") - Date.parse(from + "T00:00:00Z")) / 86400000);
  }

  function stateFor(el, today) {
    var built = el.getAttribute("data-kk-state");
    if (built === "cancelled" || built === "postponed" || built === "held" || built === "closed") return built;
    var date = el.getAttribute("data-date");
    var deadline = el.getAttribute("data-deadline");
    var opens = el.getAttribute("data-opens");
    if (date && today > date) return "held";
    if (!deadline) return built;
    if (today > deadline) return "closed";
    if (opens && today < opens) return "not_open";
    return daysBetween(today, deadline) <= CLOSING_DAYS ? "closing" : "open";
  }

  function apply() {
    var today = todayInJapan();
    var badges = document.querySelectorAll("[data-kk-state]");
    for (var i = 0; i < badges.length; i++) {
      var el = badges[i];
      var built = el.getAttribute("data-kk-state");
      var now = stateFor(el, today);
      if (now === built) continue;
      el.textContent = LABELS[now] || el.textContent;
      el.className = el.className.replace("kk-state--" + built, "kk-state--" + now);
      el.setAttribute("data-kk-state", now);
    }
    var box = document.querySelector("[data-kk-signup]");
    if (!box) return;
    var badge = box.querySelector("[data-kk-state]");
    if (!badge) return;
    var state = badge.getAttribute("data-kk-state");
    var open = state === "open" || state === "closing";
    var show = function (selector, visible) {
      var nodes = box.querySelectorAll(selector);
      for (var j = 0; j < nodes.length; j++) nodes[j].hidden = !visible;
    };
    show("[data-kk-when-open]", open);
    show("[data-kk-when-not-open]", state === "not_open");
    show("[data-kk-when-closed]", state === "closed" || state === "held");
    if (!open) {
      // Remove the form link itself, not only hide it.
      var links = box.querySelectorAll("a.kk-button--signup");
      for (var k = 0; k < links.length; k++) links[k].parentNode.removeChild(links[k]);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
