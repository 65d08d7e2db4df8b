/* Re-check each meeting's sign-up state against the visitor's clock (Japan time).
   A page built days ago must never offer a form that has closed since, nor call
   a meeting 受付終了 after it was held. The rule itself lives in the generator
   (generator/plan/signup.py): each badge carries the later dates on which its
   state changes, with the new state and label, in data-kk-next
   ([["2026-12-04","closed","受付終了"],["2026-12-11","held","開催済み"]]).
   This script only applies the entries whose day has come, so it moves a state
   forward and never back (a visitor's clock set in the past changes nothing). */
(function () {
  "use strict";

  function todayInJapan() {
    var parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    return parts.slice(0, 10); // YYYY-MM-DD
  }

  function latestChange(el, today) {
    var changes;
    try {
      changes = JSON.parse(el.getAttribute("data-kk-next") || "[]");
    } catch (e) {
      return null;
    }
    var found = null;
    for (var i = 0; i < changes.length; i++) {
      if (changes[i][0] <= today) found = changes[i]; // entries are in date order
    }
    return found;
  }

  function apply() {
    var today = todayInJapan();
    var badges = document.querySelectorAll("[data-kk-next]");
    for (var i = 0; i < badges.length; i++) {
      var el = badges[i];
      var change = latestChange(el, today);
      if (!change) continue;
      var built = el.getAttribute("data-kk-state");
      el.textContent = change[2];
      el.className = el.className.replace("kk-state--" + built, "kk-state--" + change[1]);
      el.setAttribute("data-kk-state", change[1]);
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

  // Cards a list's filters add later (kk-lists.js) are brought to the visitor's day the same way.
  window.kkApplyStates = apply;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", apply);
  else apply();
})();
