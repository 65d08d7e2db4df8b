/* Search page: Pagefind UI over this portal's own bundle, in Japanese.
   - the query is NFKC-normalised like the index (ＤＸ → DX, ＥＣ → EC);
   - ?q= in the address prefills the search, so a link can carry a query to a
     wider scope (region → national) and the back button restores it;
   - result links are made relative to the site root, so the tree works
     under any base path. */
(function () {
  "use strict";
  var box = document.getElementById("kk-search");
  if (!box || typeof PagefindUI === "undefined") return;
  var root = new URL(box.getAttribute("data-root") || "./", window.location.href);
  // Absolute: Pagefind UI imports the bundle relative to its own script, which lives in the root bundle.
  var bundle = new URL(box.getAttribute("data-bundle"), window.location.href).pathname;
  var params = new URLSearchParams(window.location.search);
  var current = params.get("q") || "";
  var sort = params.get("sort") || "";
  var ui = null;

  function normalise(term) {
    return (term || "").normalize("NFKC").replace(/\s+/g, " ").trim();
  }

  function keepQuery() {
    var links = document.querySelectorAll("[data-kk-keep-query]");
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].getAttribute("href"), window.location.href);
      if (current) url.searchParams.set("q", current); else url.searchParams.delete("q");
      links[i].setAttribute("href", url.pathname + url.search);
    }
  }

  function remember(term) {
    current = term;
    var url = new URL(window.location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    if (sort) url.searchParams.set("sort", sort); else url.searchParams.delete("sort");
    window.history.replaceState(null, "", url.pathname + url.search);
    keepQuery();
  }

  function start() {
    box.innerHTML = "";
    var options = {
      element: "#kk-search",
      bundlePath: bundle,
      baseUrl: root.pathname,
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      pageSize: 10,
      excerptLength: 40,
      autofocus: !current,
      processTerm: function (term) {
        var clean = normalise(term);
        remember(clean);
        return clean;
      },
      translations: {
        placeholder: "キーワードを入力（例：販路開拓、事業承継、DX）",
        clear_search: "消去",
        load_more: "さらに表示",
        search_label: "このポータルを検索",
        filters_label: "絞り込み",
        zero_results: "「[SEARCH_TERM]」に一致するものは見つかりませんでした",
        many_results: "「[SEARCH_TERM]」の検索結果 [COUNT] 件",
        one_result: "「[SEARCH_TERM]」の検索結果 [COUNT] 件",
        alt_search: "「[SEARCH_TERM]」は見つかりませんでした。「[DIFFERENT_TERM]」の結果を表示しています",
        search_suggestion: "「[SEARCH_TERM]」は見つかりませんでした。別のキーワードでお試しください",
        searching: "「[SEARCH_TERM]」を検索しています…"
      }
    };
    if (sort) options.sort = { date: sort };
    ui = new PagefindUI(options);
    // Pagefind's input has only a placeholder; give it a real accessible name.
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.setAttribute("aria-label", "キーワードで検索");
      input.setAttribute("id", "kk-search-input");
      input.setAttribute("aria-labelledby", "kk-search-label");
    }
    if (current) ui.triggerSearch(current);
  }

  var toggles = document.querySelectorAll("[data-kk-sort]");
  for (var i = 0; i < toggles.length; i++) {
    var button = toggles[i];
    button.setAttribute("aria-pressed", String(button.getAttribute("data-kk-sort") === sort));
    button.addEventListener("click", function (event) {
      sort = event.currentTarget.getAttribute("data-kk-sort");
      for (var j = 0; j < toggles.length; j++) {
        toggles[j].setAttribute("aria-pressed", String(toggles[j] === event.currentTarget));
      }
      remember(current);
      if (ui && ui.destroy) ui.destroy();
      start();
    });
  }
  keepQuery();
  start();
})();
