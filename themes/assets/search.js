/* Search page: box, count and results first (phone first), filters behind one button.
   The query runs through window.kkSearch (kk-search.js), the same pipeline the evaluator
   measures. Query, filters and the upcoming toggle live in the address (?q=&f=name:value&upcoming=1),
   so the back button restores them and returns to the result that was opened. */
(function () {
  "use strict";
  var form = document.getElementById("kk-search");
  if (!form || typeof window.kkSearch !== "function") return;
  var input = document.getElementById("kk-q");
  var status = document.getElementById("kk-status");
  var list = document.getElementById("kk-results");
  var more = document.getElementById("kk-more");
  var panel = document.getElementById("kk-filters");
  var toggle = document.getElementById("kk-filter-toggle");
  var badge = document.getElementById("kk-filter-count");
  var upcoming = document.getElementById("kk-upcoming");
  var bundle = new URL(form.getAttribute("data-bundle"), window.location.href).href;
  var portal = form.getAttribute("data-portal") || "";
  var root = new URL(form.getAttribute("data-root") || "./", window.location.href).pathname;
  var PAGE = 10;
  var FILTERS = ["種類", "地域", "都道府県", "業種", "課題の分類", "開催月"];
  var STATE = { open: "受付中", closing: "締切間近", closed: "受付終了", not_open: "受付前", held: "開催済み",
    cancelled: "中止", postponed: "延期" };
  var WEEK = "日月火水木金土";
  var chosen = {};
  var current = null;
  var shown = 0;
  var run = 0;
  var lastGroup = "full"; // the group of the last result shown: full matches, partial matches, related fields

  function todayInJapan() {
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" })
      .format(new Date()).slice(0, 10);
  }

  function jpDate(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return d.getUTCFullYear() + "年" + (d.getUTCMonth() + 1) + "月" + d.getUTCDate() + "日（" + WEEK[d.getUTCDay()] + "）";
  }

  // The same rule as koryukai.js: a state only moves forward from what the build knew.
  function stateOf(meta, today) {
    var built = meta.state;
    if (built === "cancelled" || built === "postponed" || built === "held" || built === "closed") return built;
    if (meta.date && today > meta.date) return "held";
    if (!meta.deadline) return built;
    if (today > meta.deadline) return "closed";
    if (meta.opens && today < meta.opens) return "not_open";
    var days = Math.round((Date.parse(meta.deadline) - Date.parse(today)) / 86400000);
    return days <= 7 ? "closing" : "open";
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  /* -- the address ------------------------------------------------------ */

  // keepTyped: on first load, words typed before this script ran (a fast typist, a slow phone) stay
  // when the address holds no query, instead of being wiped.
  function readAddress(keepTyped) {
    var params = new URLSearchParams(window.location.search);
    if (params.get("q") !== null || !keepTyped) input.value = params.get("q") || "";
    upcoming.checked = params.get("upcoming") === "1";
    chosen = {};
    params.getAll("f").forEach(function (pair) {
      var at = pair.indexOf(":");
      if (at > 0) (chosen[pair.slice(0, at)] = chosen[pair.slice(0, at)] || []).push(pair.slice(at + 1));
    });
  }

  function writeAddress(push) {
    var url = new URL(window.location.href);
    var params = new URLSearchParams();
    var q = input.value.trim();
    if (q) params.set("q", q);
    Object.keys(chosen).sort().forEach(function (name) {
      chosen[name].forEach(function (v) { params.append("f", name + ":" + v); });
    });
    if (upcoming.checked) params.set("upcoming", "1");
    var next = url.pathname + (params.toString() ? "?" + params.toString() : "");
    if (next === url.pathname + url.search) return;
    if (push) window.history.pushState(null, "", next); else window.history.replaceState(null, "", next);
    var links = document.querySelectorAll("[data-kk-keep-query]");
    for (var i = 0; i < links.length; i++) {
      var target = new URL(links[i].getAttribute("href"), window.location.href);
      if (q) target.searchParams.set("q", q); else target.searchParams.delete("q");
      links[i].setAttribute("href", target.pathname + target.search);
    }
  }

  /* -- filters ----------------------------------------------------------- */

  function searchFilters() {
    var out = {};
    Object.keys(chosen).forEach(function (name) { if (chosen[name].length) out[name] = { any: chosen[name] }; });
    if (upcoming.checked) out["種類"] = "交流会";
    return out;
  }

  function countChosen() {
    var n = 0;
    Object.keys(chosen).forEach(function (name) { n += chosen[name].length; });
    badge.textContent = n ? "（" + n + "）" : "";
  }

  function buildPanel() {
    return window.kkSearch.pagefind(bundle, root).then(function (pf) {
      // pf.filters() loads every filter file; a scoped empty search then counts this portal's values.
      return pf.filters().then(function (all) {
        return portal ? pf.search(null, { filters: { portal: portal } }).then(function (r) { return r.filters || {}; }) : all;
      }).then(function (counts) {
        panel.innerHTML = "";
        FILTERS.forEach(function (name) {
          var values = counts[name] || {};
          // Only values that this portal has: 青森県 (0) is never offered.
          var keys = Object.keys(values).filter(function (v) { return values[v] > 0; }).sort();
          if (name === "開催月") keys.sort(function (a, b) { return monthKey(a) - monthKey(b); });
          if (!keys.length) return;
          var box = el("fieldset", "kk-filters__group");
          box.appendChild(el("legend", null, name));
          keys.forEach(function (v) {
            var label = el("label", "kk-filters__value");
            var check = document.createElement("input");
            check.type = "checkbox";
            check.checked = (chosen[name] || []).indexOf(v) >= 0;
            check.addEventListener("change", function () {
              var now = (chosen[name] || []).filter(function (x) { return x !== v; });
              if (check.checked) now.push(v);
              if (now.length) chosen[name] = now; else delete chosen[name];
              countChosen();
              writeAddress(false);
              search();
            });
            label.appendChild(check);
            label.appendChild(document.createTextNode(" " + v + "（" + values[v] + "）"));
            box.appendChild(label);
          });
          panel.appendChild(box);
        });
        if (Object.keys(chosen).length) {
          var clear = el("button", "kk-button kk-button--secondary kk-filters__clear", "絞り込みをすべて外す");
          clear.type = "button";
          clear.addEventListener("click", function () { chosen = {}; countChosen(); writeAddress(false); buildPanel(); search(); });
          panel.appendChild(clear);
        }
      });
    });
  }

  function monthKey(label) {
    var m = /(\d+)年(\d+)月/.exec(label);
    return m ? Number(m[1]) * 12 + Number(m[2]) : 0;
  }

  /* -- results ----------------------------------------------------------- */

  var TOKENS = /\bkk[a-z]{7}\b/g;

  function foldSame(text) {
    // Lower case and katakana as hiragana, keeping every index (the content is already NFKC).
    var s = text.toLowerCase();
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      out += c >= 0x30a1 && c <= 0x30f6 ? String.fromCharCode(c - 0x60) : s[i];
    }
    return out.length === text.length ? out : text;
  }

  // The index holds NFKC text (so ＤＸ meets DX), which turns 卸売業，小売業 into 卸売業,小売業 and
  // （木） into (木): Japanese punctuation comes back where Japanese text touches it (same length,
  // so offsets stay valid).
  var WIDE = { ",": "，", "(": "（", ")": "）", ":": "：" };
  function japanesePunctuation(text) {
    return text.replace(/([^\x00-\x7f])([,:)])|([,(:])(?=[^\x00-\x7f])|([^\x00-\x7f]\([^()]*)\)/g,
      function (all, before, mark, mark2, open) {
        if (before) return before + WIDE[mark];
        if (mark2) return WIDE[mark2];
        return open.replace("(", "（") + "）";
      });
  }

  // An excerpt that starts at the beginning of the sentence holding the first matched word.
  function excerpt(content, title, terms) {
    var text = japanesePunctuation(content.replace(TOKENS, " ").replace(/\s+/g, " ").trim());
    // Start after the kicker and title the result already shows, and after short labels (募集終了.).
    var t = title ? text.indexOf(title) : -1;
    if (t >= 0 && t < 40) text = text.slice(t + title.length).trim();
    var lead;
    while ((lead = /^[^。.]{0,14}\. /.exec(text))) text = text.slice(lead[0].length);
    var folded = foldSame(text);
    var at = -1;
    var marks = [];
    terms.forEach(function (t) {
      if (!t) return;
      var from = 0;
      var hit;
      while ((hit = folded.indexOf(t, from)) >= 0) {
        marks.push([hit, hit + t.length]);
        if (at < 0 || hit < at) at = hit;
        from = hit + t.length;
      }
    });
    var start = 0;
    if (at < 0) {
      // No word to show: begin at the first full sentence (the page's summary), not at the fact lines.
      var first = text.indexOf("。");
      if (first > 0) start = Math.max(0, text.lastIndexOf(". ", first) + 2, text.lastIndexOf("。", first - 1) + 1);
    } else if (at > 0) {
      var cut = Math.max(text.lastIndexOf("。", at), text.lastIndexOf("！", at), text.lastIndexOf("？", at), text.lastIndexOf(". ", at));
      start = cut >= 0 ? cut + 1 : 0;
      if (at - start > 60) start = at - 20;
    }
    var end = Math.min(text.length, start + 110);
    var stop = text.indexOf("。", start + 40);
    if (stop >= 0 && stop < end) end = stop + 1;
    var frag = document.createDocumentFragment();
    if (start > 0 && text[start - 1] !== "。") frag.appendChild(document.createTextNode("…"));
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = start;
    marks.forEach(function (m) {
      if (m[0] < pos || m[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(pos, m[0])));
      frag.appendChild(el("mark", null, text.slice(m[0], m[1])));
      pos = m[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos, end).trim()));
    if (end < text.length && text[end - 1] !== "。") frag.appendChild(document.createTextNode("…"));
    return frag;
  }

  function quoted(words) {
    return words.map(function (w) { return "「" + w + "」"; }).join("");
  }

  // Full matches come first; a heading opens the results that lack a word and those found only through a field.
  function groupOf(r) {
    if (r.via === "field") return "field";
    return r.lacks && r.lacks.length ? "partial" : "full";
  }

  function heading(group) {
    var text = "一部の語だけを含む結果";
    if (group === "field") {
      var labels = [];
      (current.words || []).forEach(function (w) { (w.fields || []).forEach(function (l) { if (labels.indexOf(l) < 0) labels.push(l); }); });
      text = labels.length ? "関連する分類（" + labels.slice(0, 3).join("・") + "）の結果" : "関連する分類の結果";
    }
    var li = el("li", "kk-results__group");
    li.appendChild(el("h2", "kk-results__heading", text));
    return li;
  }

  function renderOne(data, terms, today, r) {
    var meta = data.meta || {};
    var item = el("li", "kk-result");
    var line = el("p", "kk-result__meta");
    var kind = meta.kind || "ご案内";
    line.appendChild(el("span", "kk-type kk-type--" + ({ "交流会": "meeting", "企業の課題": "challenge", "新現役": "veteran" }[kind] || "page"), kind));
    if (meta.date && kind === "交流会") {
      var when = el("time", "kk-result__date", jpDate(meta.date));
      when.setAttribute("datetime", meta.date);
      line.appendChild(when);
      var state = stateOf(meta, today);
      line.appendChild(el("span", "kk-state kk-state--" + state, STATE[state] || ""));
    } else if (meta.date) {
      line.appendChild(el("span", "kk-result__date", jpDate(meta.date) + "の交流会で発表"));
    }
    if (meta.place) line.appendChild(el("span", "kk-result__place", meta.place));
    item.appendChild(line);
    var heading = el("h2", "kk-result__title");
    var a = el("a", "kk-result__link", meta.title || data.url);
    a.href = data.url;
    a.addEventListener("click", function () {
      try { sessionStorage.setItem("kk-opened", JSON.stringify({ search: window.location.search, url: data.url, shown: shown })); } catch (e) { /* private mode */ }
    });
    heading.appendChild(a);
    item.appendChild(heading);
    var p = el("p", "kk-result__excerpt");
    p.appendChild(excerpt(data.content || "", meta.title || "", terms));
    item.appendChild(p);
    if (r && r.lacks && r.lacks.length) item.appendChild(el("p", "kk-result__lacks", "含まない語：" + quoted(r.lacks)));
    return item;
  }

  function showMore(want) {
    var today = todayInJapan();
    var batch = current.results.slice(shown, shown + (want || PAGE));
    var terms = [];
    current.words.forEach(function (w) { terms = terms.concat(w.terms, [window.kkSearch.fold(w.text)]); });
    terms = terms.filter(function (t, i) { return t.length > 1 && terms.indexOf(t) === i; });
    var mine = run;
    // A result's fragment can fail to load (Pagefind then gives null): ask once more, then leave that one out.
    return Promise.all(batch.map(function (r) {
      return r.data().then(function (d) { return d || r.data(); });
    })).then(function (datas) {
      if (mine !== run) return;
      datas.forEach(function (d, i) {
        if (!d) return;
        var group = groupOf(batch[i]);
        if (group !== lastGroup) list.appendChild(heading(group));
        lastGroup = group;
        list.appendChild(renderOne(d, terms, today, batch[i]));
      });
      shown += datas.length;
      more.hidden = shown >= current.results.length;
    });
  }

  function say(text) { status.textContent = text; }

  // On a phone the keyboard leaves ~450 px: bring the box to the top so the count and first result show under it.
  function lift() {
    if (window.innerWidth > 700) return;
    var top = form.getBoundingClientRect().top + window.pageYOffset - 8;
    if (Math.abs(window.pageYOffset - top) > 4) window.scrollTo(0, top);
  }

  function upcomingOnly(results) {
    // Meetings from today on: the dates are in each result's metadata.
    var today = todayInJapan();
    return Promise.all(results.map(function (r) { return r.data(); })).then(function (datas) {
      var keep = [];
      datas.forEach(function (d, i) {
        if (d.meta && d.meta.date && d.meta.date >= today) { results[i].date = d.meta.date; keep.push(results[i]); }
      });
      return keep;
    });
  }

  function allMeetings() {
    return window.kkSearch.pagefind(bundle, root).then(function (pf) {
      var filters = searchFilters();
      // A portal's records are asked for by its hidden word, as kk-search.js does (the portal filter's file is large).
      var word = form.getAttribute("data-portal-word") || null;
      if (portal && !word) filters.portal = portal;
      return pf.search(word, { filters: filters }).then(function (r) {
        return { query: "", words: [], unknown: [], results: r.results.map(function (x) { return { id: x.id, data: x.data }; }) };
      });
    });
  }

  function search() {
    var q = input.value.trim();
    var mine = ++run;
    list.setAttribute("aria-busy", "true");
    list.innerHTML = "";
    more.hidden = true;
    shown = 0;
    lastGroup = "full";
    if (!q && !upcoming.checked) { say(""); current = null; done(mine); return Promise.resolve(); }
    say(q ? "「" + q + "」を検索しています…" : "これからの交流会を探しています…");
    var pending = q ? window.kkSearch(q, { bundle: bundle, portal: portal, filters: searchFilters(), baseUrl: root }) : allMeetings();
    return pending.then(function (found) {
      if (mine !== run) return null;
      if (!upcoming.checked) return found;
      return upcomingOnly(found.results).then(function (kept) {
        if (!q) kept.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
        found.results = kept;
        return found;
      });
    }).then(function (found) {
      if (!found || mine !== run) return null;
      current = found;
      var scope = upcoming.checked ? "これからの交流会で" : "";
      if (found.unknown.length) {
        say(found.unknown.map(function (w) { return "「" + w + "」"; }).join("") + "に一致する" + (scope ? "これからの交流会" : "情報") + "はありません。別の言葉でお試しください。");
        return;
      }
      if (!found.results.length) {
        say((q ? "「" + q + "」に一致する" : "") + (upcoming.checked ? "これからの交流会" : "情報") + "はありません。" + (Object.keys(chosen).length ? "絞り込みを外すと見つかるかもしれません。" : ""));
        return;
      }
      // Say what was searched when it is not what was typed: a typo read as a known word, a word found only through its field.
      var notes = "";
      (found.fixed || []).forEach(function (f) { notes += "「" + f.from + "」は見つからないため「" + f.to + "」で検索しました。"; });
      (found.fields || []).forEach(function (f) {
        notes += "「" + f.text + "」を含む情報はありません。" + (f.labels.length ? "関連する分類（" + f.labels.join("・") + "）の結果を表示しています。" : "");
      });
      say(notes + (q && !notes ? "「" + q + "」の" : "") + (upcoming.checked ? "これからの交流会 " : "検索結果 ") + found.results.length + " 件");
      var opened = null;
      try { opened = JSON.parse(sessionStorage.getItem("kk-opened") || "null"); } catch (e) { opened = null; }
      var want = opened && opened.search === window.location.search ? Math.max(PAGE, opened.shown) : PAGE;
      return showMore(want).then(function () {
        if (!opened || opened.search !== window.location.search) return;
        sessionStorage.removeItem("kk-opened");
        var links = list.querySelectorAll("a.kk-result__link");
        for (var i = 0; i < links.length; i++) {
          if (links[i].getAttribute("href") === opened.url) { links[i].scrollIntoView({ block: "center" }); links[i].focus(); break; }
        }
      });
    }).catch(function () {
      // Never leave the visitor at 「検索しています…」: say so, and mark the list complete.
      if (mine === run) say("検索を最後まで行えませんでした。少し待ってから、もう一度お試しください。");
    }).then(function () { done(mine); });
  }

  // The list says when it is complete (screen readers, and the browser tests wait for it).
  function done(mine) {
    if (mine === run) list.setAttribute("aria-busy", "false");
  }

  /* -- wiring ------------------------------------------------------------ */

  var timer = null;
  input.addEventListener("focus", lift);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { writeAddress(false); search(); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    writeAddress(false);
    search();
    input.blur(); // close the phone keyboard so the results show
  });
  upcoming.addEventListener("change", function () { writeAddress(false); search(); });
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (open && !panel.hasChildNodes()) buildPanel();
  });
  more.addEventListener("click", function () { showMore(PAGE); });
  window.addEventListener("popstate", function () { readAddress(); countChosen(); if (!panel.hidden || Object.keys(chosen).length) buildPanel(); search(); });

  readAddress(true);
  countChosen();
  // The filter files are loaded when the panel is first opened, not for every first query.
  if (Object.keys(chosen).length) buildPanel();
  if (input.value || upcoming.checked) search(); else input.focus();
})();
