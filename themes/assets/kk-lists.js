/* List filters (issue 18): meetings, challenges and veterans narrowed by prefecture, category, industry, state.

   Without JavaScript a list page is the complete paginated list and the form stays hidden. Here the form
   is shown; submitting it navigates to the same page with the chosen values in the address
   (?category=生産管理&prefecture=神奈川県), so Back, bookmarks and shared links keep them. With values in
   the address, the page asks the one national Pagefind index for every record of this portal's list (its
   hidden list word) that carries them (filters), in the static lists' order (the results' ids), and shows them in the same
   cards, 20 at a time, with the count. The facet values, the order and each card's printed values are
   hidden lines on the records' detail pages (generator/plan/filters.py, _macros.html list_facets). */
(function () {
  "use strict";
  var form = document.getElementById("kk-lfilter");
  if (!form) return;
  var staticList = document.getElementById("kk-lstatic");
  var box = document.getElementById("kk-lresult");
  var status = document.getElementById("kk-lresult-status");
  var list = document.getElementById("kk-lresult-list");
  var more = document.getElementById("kk-lresult-more");
  var kind = form.getAttribute("data-kind");
  var word = form.getAttribute("data-word");
  var noun = form.getAttribute("data-noun") || "件";
  var bundle = new URL(form.getAttribute("data-bundle"), window.location.href).href;
  var root = new URL(form.getAttribute("data-root") || "./", window.location.href).pathname;
  var action = new URL(form.getAttribute("action") || "./", window.location.href).pathname;
  var selects = form.querySelectorAll("select");
  var built = form.getAttribute("data-built");
  // The facet whose value moves with the clock, per list (generator/plan/filters.py record_changes).
  var TIMED = { "交流会": "state", "企業の課題": "meeting" };
  var STATE_VALUE = { open: "受付中", closing: "受付中", not_open: "受付前", closed: "受付終了", held: "開催済み",
    cancelled: "中止", postponed: "延期" };
  var PAGE = 20;
  var results = [];
  var shown = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function offered(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  // The address's values that this list offers; a value it does not offer is ignored, not searched for.
  function chosen() {
    var params = new URLSearchParams(window.location.search);
    var out = [];
    for (var i = 0; i < selects.length; i++) {
      var s = selects[i];
      var value = params.get(s.name) || "";
      if (value && offered(s, value)) out.push({ select: s, value: value });
    }
    return out;
  }

  function filterLink(name, value) {
    return action + "?" + new URLSearchParams([[name, value]]).toString();
  }

  function sep(parent) { parent.appendChild(el("span", "kk-sep", "／")); }

  function facetLink(name, value) {
    var a = el("a", "kk-facet", value);
    a.href = filterLink(name, value);
    return a;
  }

  function chips(values, name, label) {
    var ul = el("ul", "kk-chips");
    ul.setAttribute("aria-label", label);
    values.forEach(function (v) {
      var li = el("li", "kk-chip kk-chip--link");
      var a = el("a", null, v);
      a.href = filterLink(name, v);
      li.appendChild(a);
      ul.appendChild(li);
    });
    return ul;
  }

  function titleLink(heading, text, url) {
    var h = el(heading, "kk-card__title");
    var a = el("a", null, text);
    a.href = url;
    h.appendChild(a);
    return h;
  }

  // The same markup as the cards of _macros.html (meeting_card, challenge_card, veteran_card).
  function card(c, url) {
    var art;
    if (kind === "交流会") {
      art = el("article", "kk-card kk-card--meeting");
      var date = el("p", "kk-card__date");
      var time = el("time", null, c.date_text);
      time.setAttribute("datetime", c.date_iso);
      date.appendChild(time);
      date.appendChild(document.createTextNode(" "));
      date.appendChild(el("span", "kk-nowrap", c.time_text));
      art.appendChild(date);
      art.appendChild(titleLink("h2", c.title, url));
      var meta = el("p", "kk-card__meta", c.place);
      sep(meta);
      meta.appendChild(document.createTextNode("主催 " + c.host));
      art.appendChild(meta);
      var state = el("p", "kk-card__state");
      var badge = el("span", "kk-state kk-state--" + c.badge.state, c.badge.label);
      badge.setAttribute("data-kk-state", c.badge.state);
      if (c.badge.changes) badge.setAttribute("data-kk-next", c.badge.changes);
      state.appendChild(badge);
      if (c.deadline_text) { state.appendChild(document.createTextNode(" ")); state.appendChild(el("span", "kk-deadline", "申込締切 " + c.deadline_text)); }
      if (c.outcome_text) { state.appendChild(document.createTextNode(" ")); state.appendChild(el("span", "kk-deadline", c.outcome_text)); }
      art.appendChild(state);
    } else if (kind === "企業の課題") {
      art = el("article", "kk-card kk-card--challenge");
      art.appendChild(titleLink("h2", c.title, url));
      var m = el("p", "kk-card__meta");
      m.appendChild(facetLink("industry", c.industry));
      sep(m);
      m.appendChild(facetLink("prefecture", c.prefecture));
      sep(m);
      m.appendChild(document.createTextNode("従業員 " + c.employees));
      art.appendChild(m);
      art.appendChild(chips(c.categories, "category", "課題の分類"));
      if (c.status_label) {
        var st = el("p", "kk-card__state");
        st.appendChild(el("span", "kk-status kk-status--" + c.status, c.status_label));
        art.appendChild(st);
      }
    } else {
      art = el("article", "kk-card kk-card--veteran");
      art.appendChild(titleLink("h2", c.headline, url));
      var vm = el("p", "kk-card__meta", "拠点 ");
      vm.appendChild(facetLink("prefecture", c.prefecture));
      if (c.registered) { sep(vm); vm.appendChild(document.createTextNode("新現役登録あり")); }
      art.appendChild(vm);
      art.appendChild(chips(c.expertise, "category", "得意分野"));
    }
    return art;
  }

  function showMore() {
    var slice = results.slice(shown, shown + PAGE);
    list.setAttribute("aria-busy", "true");
    return Promise.all(slice.map(function (r) { return r.data(); })).then(function (datas) {
      datas.forEach(function (d) {
        var c;
        try { c = JSON.parse(d.meta["kk-card"]); } catch (e) { return; }
        list.appendChild(card(c, d.url));
      });
      shown += slice.length;
      more.hidden = shown >= results.length;
      // Badges say the state on the visitor's day, as everywhere else (koryukai.js).
      if (typeof window.kkApplyStates === "function") window.kkApplyStates();
    }).then(function () { list.setAttribute("aria-busy", "false"); });
  }

  function todayInJapan() {
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" })
      .format(new Date()).slice(0, 10);
  }

  // ISO days after the build day up to the visitor's day (none on the build day; at most a year).
  function daysSinceBuild(today) {
    var out = [];
    var d = new Date(built + "T00:00:00Z");
    for (var i = 0; i < 366; i++) {
      d.setUTCDate(d.getUTCDate() + 1);
      var iso = d.toISOString().slice(0, 10);
      if (iso > today) break;
      out.push(iso);
    }
    return out;
  }

  // A record's value of the timed facet on the visitor's day, from its card (the same rule as koryukai.js:
  // the build's state moved forward by the changes whose day has come).
  function currentValue(c, today) {
    if (kind === "交流会") {
      var state = c.badge.state;
      var changes = [];
      try { changes = JSON.parse(c.badge.changes || "[]"); } catch (e) { changes = []; }
      changes.forEach(function (ch) { if (ch[0] <= today) state = ch[1]; });
      return STATE_VALUE[state];
    }
    return c.held_on && c.held_on <= today ? "開催済みの交流会" : "これからの交流会";
  }

  /* In list order when `sorted`: a result's id is its fragment's name, which begins with the record's place
     in the lists (generator/index_canonical.py), all of one width. */
  function ask(pf, filters, sorted) {
    return pf.search(word, { filters: filters }).then(function (r) {
      if (sorted) r.results.sort(function (a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; });
      return r;
    });
  }

  /* Every record of the list with the chosen values, in list order. A timed value (a meeting's state,
     「これからの交流会」) is the build day's in the index: records whose value changed since (their
     kk-change day has come) are read from their cards and recomputed; the others keep it. */
  function find(pf, picked) {
    var filters = {};
    var timed = null;
    // The index reads pages NFKC-normalised (generator/index.py): 卸売業，小売業 is stored as 卸売業,小売業.
    picked.forEach(function (p) {
      if (p.select.name === TIMED[kind]) timed = p;
      else filters[p.select.getAttribute("data-filter")] = p.value.normalize("NFKC");
    });
    if (!timed) return ask(pf, filters, true).then(function (r) { return r.results; });
    var today = todayInJapan();
    var days = built && today > built ? daysSinceBuild(today) : [];
    var atBuild = Object.assign({}, filters);
    atBuild[timed.select.getAttribute("data-filter")] = timed.value.normalize("NFKC");
    var moved = Object.assign({}, filters, { "kk-change": { any: days } });
    return Promise.all([
      ask(pf, filters, true),
      ask(pf, atBuild, false),
      days.length ? ask(pf, moved, false) : Promise.resolve({ results: [] })
    ]).then(function (found) {
      var keep = {};
      found[1].results.forEach(function (r) { keep[r.id] = true; });
      return Promise.all(found[2].results.map(function (r) { return r.data(); })).then(function (datas) {
        datas.forEach(function (d, i) {
          var c;
          try { c = JSON.parse(d.meta["kk-card"]); } catch (e) { return; }
          keep[found[2].results[i].id] = currentValue(c, today) === timed.value;
        });
        return found[0].results.filter(function (r) { return keep[r.id]; });
      });
    });
  }

  function pagefind() {
    return import(bundle + "pagefind.js").then(function (pf) {
      return pf.options({ baseUrl: root }).then(function () { return pf; });
    });
  }

  function run(picked) {
    var words = picked.map(function (p) { return "「" + p.value + "」"; }).join("");
    staticList.hidden = true;
    box.hidden = false;
    // The chosen values stay in the summary (the fields fold away on a phone, see below).
    document.getElementById("kk-lfilter-chosen").textContent = "：" + picked.map(function (p) {
      return p.value;
    }).join("・");
    status.textContent = words + "で絞り込んでいます…";
    // One hidden word per portal list (plan/filters.py list_word), not search(null): an empty query
    // makes Pagefind load every chunk of the word index.
    return pagefind().then(function (pf) { return find(pf, picked); }).then(function (found) {
      results = found;
      status.textContent = words + "で絞り込んだ結果：" + results.length + noun;
      if (!results.length) {
        list.setAttribute("aria-busy", "false");
        status.textContent = words + "に当てはまるものはありません（0" + noun + "）。絞り込みを変えるか、解除してください。";
        return null;
      }
      return showMore();
    }).catch(function () {
      // Never leave a half list: fall back to the complete static list.
      status.textContent = "絞り込みを行えませんでした。すべての一覧を表示します。";
      list.setAttribute("aria-busy", "false");
      staticList.hidden = false;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams();
    for (var i = 0; i < selects.length; i++) if (selects[i].value) params.append(selects[i].name, selects[i].value);
    var query = params.toString();
    window.location.assign(action + (query ? "?" + query : ""));
  });
  more.addEventListener("click", showMore);

  form.hidden = false;
  // On a phone the list (or the results) comes first: the fields fold into one 「絞り込み」 line.
  if (window.matchMedia && window.matchMedia("(max-width: 699px)").matches) document.getElementById("kk-lfilter-box").open = false;
  var picked = chosen();
  picked.forEach(function (p) { p.select.value = p.value; });
  if (picked.length) run(picked);
})();
