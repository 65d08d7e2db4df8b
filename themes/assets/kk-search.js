/* The query pipeline of the search page, over Pagefind's JS API.
   Exposes window.kkSearch(query, options) for the page (search.js) and for the
   evaluator (tests/search/), so both run the same code.

   1. Fold the query: NFKC, lower case, katakana as hiragana (ＤＸ → dx, ｲﾝﾊﾞｳﾝﾄﾞ → いんばうんど).
   2. Cut it into words with the build-time dictionary (pagefind/kk-dict/, made by
      generator/search/dictionary.py from the records, the vocabularies and their
      synonyms): longest known word first; a word the dictionary lacks is tried with a
      loose spelling (マーケッティング) and as reordered kanji (事業継承); hiragana
      between words (particles, okurigana) is skipped.
   3. Any content word that is still unknown is named to the visitor and nothing is
      shown: 「宇宙開発」に一致する情報はありません.
   4. Each word's tokens are looked up in Pagefind separately; pages are ranked by how
      many of the query's words they match, then by Pagefind's score.
   5. Meaning layer: a career word also finds the records labelled with the fields it
      belongs to (段取り → 生産管理, haccp → 品質管理; generator/search/fields.py), ranked
      after every record that holds the word; the answer names those fields.
   6. Typos: an unknown word of 3+ characters one edit away from a known word (品質菅理)
      is searched as that word, and the answer says so (never a word that exists).
   7. Partial matches: each result lists the query's words it lacks.
   8. Dates are read in the forms meetings are labelled with: relative to today in Japan
      (来年2月, 今月 → 2027年2月), 和暦 (令和8年 → 2026年) and days as typed (2/25,
      2026/12/10, 12月10日(木) → 12月10日, with the month of the year when one is given).
   Pagefind is asked for tokens, never for raw Japanese, so its segmenter and the
   browser's never have to agree. */
(function () {
  "use strict";

  var SMALL_FROM = "ぁぃぅぇぉっゃゅょゎゕゖゔぢづ";
  var SMALL_TO = "あいうえおつやゆよわかけぶじず";
  var MAX_KEY = 24;
  var WEIGHT = { n: 2, p: 2, w: 1, v: 1 };
  var FIELDS_BELOW = 10; // a word's fields are searched when its words find fewer pages than this

  function fold(text) {
    var s = (text || "").normalize("NFKC").toLowerCase();
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      out += c >= 0x30a1 && c <= 0x30f6 ? String.fromCharCode(c - 0x60) : s[i];
    }
    return out;
  }

  function loose(key) {
    var s = key.replace(/[ーっ]/g, "");
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var j = SMALL_FROM.indexOf(s[i]);
      out += j >= 0 ? SMALL_TO[j] : s[i];
    }
    return out;
  }

  // Character classes on the NFKC (not folded) query: H hiragana, K katakana, C kanji, A letters/digits, S other.
  function cls(ch) {
    var c = ch.charCodeAt(0);
    if (c >= 0x3041 && c <= 0x3096) return "H";
    if ((c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc) return "K";
    if ((c >= 0x4e00 && c <= 0x9fff) || c === 0x3005 || (c >= 0x3400 && c <= 0x4dbf)) return "C";
    if (/[0-9a-z]/i.test(ch) || (c >= 0xc0 && c < 0x250)) return "A";
    return "S";
  }

  function shardOf(key, shards) {
    var bare = key.replace(/^[~#]+/, "") || key;
    return bare.codePointAt(0) % shards;
  }

  var dictCache = {};

  function loadDict(bundle) {
    if (!dictCache[bundle]) {
      var meta = fetch(bundle + "kk-dict/meta.json").then(function (r) { return r.json(); }).then(function (m) {
        (m.generic || []).forEach(function (w) { generic[w] = true; });
        return m;
      });
      dictCache[bundle] = { meta: meta, shards: {} };
    }
    return dictCache[bundle];
  }

  // A written entry (generator/search/dictionary.py compact()) back to
  // [kind, tokens, terms, place text tokens, mention tokens, field tokens, field labels, part tokens].
  function expand(e, fields) {
    var nums = e[5] || [];
    return [e[0], e[1], e[2], e[3] || [], e[4] || [],
      nums.map(function (i) { return fields[i][1]; }), nums.map(function (i) { return fields[i][0]; }), e[6] || []];
  }

  function loadShard(bundle, n) {
    var d = loadDict(bundle);
    if (!d.shards[n]) {
      var part = fetch(bundle + "kk-dict/" + n + ".json.gz").then(function (r) {
        var body = r.body.pipeThrough(new DecompressionStream("gzip"));
        return new Response(body).json();
      });
      d.shards[n] = Promise.all([part, d.meta]).then(function (got) {
        for (var k in got[0]) got[0][k] = expand(got[0][k], got[1].fields || []);
        return got[0];
      });
    }
    return d.shards[n];
  }

  // Every shard the query could need: one per distinct first character of a possible word.
  function dictFor(bundle, folded, extra) {
    var d = loadDict(bundle);
    return d.meta.then(function (meta) {
      var wanted = {};
      var keys = (extra || []).concat(folded.split(""), loose(folded).split(""));
      for (var i = 0; i < keys.length; i++) if (keys[i].trim()) wanted[shardOf(keys[i], meta.shards)] = true;
      var ids = Object.keys(wanted);
      return Promise.all(ids.map(function (n) { return loadShard(bundle, n); })).then(function (parts) {
        var merged = {};
        parts.forEach(function (p) { for (var k in p) merged[k] = p[k]; });
        return merged;
      });
    });
  }

  /* Cut a query into known words and unknown content words. */
  var generic = {};
  var PARTICLES = "のをがはにでとやもへ";

  // fixes: {folded unknown word: dictionary key} from typo(), searched instead and reported.
  function parse(query, dict, fixes) {
    var shown = (query || "").normalize("NFKC");
    var text = shown.toLowerCase();
    if (text.length !== shown.length) shown = text;
    var f = fold(text);
    var n = f.length;
    var kinds = [];
    for (var i = 0; i < n; i++) kinds.push(cls(text[i]));
    var groups = [];
    var unknown = [];

    function runEnd(i) {
      var k = kinds[i];
      var j = i;
      while (j < n && kinds[j] === k) j++;
      return j;
    }

    function longest(i) {
      for (var len = Math.min(MAX_KEY, n - i); len >= 1; len--) {
        var key = f.substr(i, len);
        var entry = dict[key];
        if (!entry) continue;
        var end = i + len;
        // Hiragana words have 2+ kana and start a hiragana stretch or follow one particle (東北のりんご),
        // never an okurigana tail (生かしたい is not 菓子).
        if (kinds[i] === "H") {
          if (len < 2) continue;
          var prev = i > 0 ? kinds[i - 1] : "S";
          var afterParticle = prev === "H" && PARTICLES.indexOf(f[i - 1]) >= 0 && (i < 2 || kinds[i - 2] !== "H");
          // The polite prefix お/ご opening a word (おさけ, ごあんない) is read as part of the word.
          var polite = prev === "H" && "おご".indexOf(f[i - 1]) >= 0 && (i < 2 || kinds[i - 2] !== "H");
          if (prev === "C" || (prev === "H" && !afterParticle && !polite)) continue;
          if (prev === "H" && len < 3 && !polite) continue; // 増やした: not 下
        }
        // A verb's stem (売, 買い替) counts only with its okurigana after it (売りたい), not inside a compound (保育園).
        if (entry[0] === "v" && kinds[end - 1] === "C" && !(end < n && kinds[end] === "H")) continue;
        // Letters and digits match whole words only (it ≠ item).
        if (kinds[i] === "A" && i > 0 && kinds[i - 1] === "A") continue;
        if (kinds[end - 1] === "A" && end < n && kinds[end] === "A") continue;
        return { len: len, key: key, entry: entry };
      }
      return null;
    }

    function alternative(run) {
      var k = fold(run);
      if (k.length >= 4 && dict["~" + loose(k)]) return { key: "~" + loose(k), entry: dict["~" + loose(k)] };
      if (k.length >= 3) {
        var sorted = "#" + k.split("").sort().join("");
        if (dict[sorted]) return { key: sorted, entry: dict[sorted] };
      }
      return null;
    }

    var i = 0;
    while (i < n) {
      var k = kinds[i];
      if (k === "S") { i++; continue; }
      if (k === "H") {
        var h = longest(i);
        if (h) { groups.push({ text: shown.substr(i, h.len), key: h.key, entry: h.entry }); i += h.len; }
        else i++;
        continue;
      }
      // A stretch of kanji, katakana or letters: one word, or several known words, else unknown as a whole.
      var j = runEnd(i);
      var m = longest(i);
      if (m && i + m.len >= j) { groups.push({ text: shown.substr(i, m.len), key: m.key, entry: m.entry }); i += m.len; continue; }
      var alt = alternative(text.slice(i, j));
      if (alt) { groups.push({ text: shown.slice(i, j), key: alt.key, entry: alt.entry }); i = j; continue; }
      // A compound ending in a word that adds no topic (模倣品対策): search the rest.
      var stop = j;
      for (var g in generic) {
        if (g.length < j - i && fold(text.slice(j - g.length, j)) === g && !dict[fold(text.slice(i, j))]) { stop = j - g.length; break; }
      }
      var full = j;
      j = stop;
      var pieces = [];
      var missing = [];
      var p = i;
      var gap = -1;
      while (p < j) {
        var q = longest(p);
        if (q) {
          if (gap >= 0) { missing.push(text.slice(gap, p)); gap = -1; }
          pieces.push({ text: shown.substr(p, q.len), key: q.key, entry: q.entry });
          p += q.len;
          if (p > j) j = p;
        } else {
          if (gap < 0) gap = p;
          p++;
        }
      }
      if (gap >= 0) missing.push(text.slice(gap, j));
      var end = Math.max(j, full);
      // Skippable gaps: words that add no topic (対策), and a lone kanji before okurigana (古い: an inflection).
      missing = missing.filter(function (w) {
        if (generic[fold(w)]) return false;
        if (w.length === 1 && kinds[text.indexOf(w, i) + 1] === "H" && text.indexOf(w, i) + 1 === end) return false;
        return true;
      });
      var strong = pieces.some(function (g) { return g.entry[0] === "n" || g.entry[0] === "p"; });
      var fix = fixes && fixes[fold(text.slice(i, end))];
      if (fix && dict[fix] && (missing.length || !strong)) {
        groups.push({ text: shown.slice(i, end), key: fix, entry: dict[fix], fixed: fix });
        i = end;
        continue;
      }
      if (missing.length || (pieces.length && !strong && unknownWeak(pieces))) { unknown.push(shown.slice(i, end)); i = end; continue; }
      groups = groups.concat(pieces);
      i = end;
    }
    var seen = {};
    groups = groups.filter(function (g) { if (seen[g.key]) return false; seen[g.key] = true; return true; });
    return { groups: groups, unknown: unknown };
  }

  // Only single kanji with nothing else known (園, 率 alone) say too little to search.
  function unknownWeak(pieces) {
    return pieces.every(function (g) { return g.entry[0] === "w"; }) && pieces.length > 1;
  }

  function describe(groups) {
    return groups.map(function (g) {
      return { text: g.text, kind: g.entry[0], terms: g.entry[2], fields: g.entry[6] || [] };
    });
  }

  var pagefinds = {};

  function pagefindAt(bundle, baseUrl) {
    if (!pagefinds[bundle]) {
      pagefinds[bundle] = import(bundle + "pagefind.js").then(function (pf) {
        // The list card (kk-card, plan/filters.py) is metadata for the list pages, and Pagefind indexes every
        // metadata field: its words must not weigh in the search page's ranking.
        return pf.options({ baseUrl: baseUrl || "/", ranking: { metaWeights: { "kk-card": 0 } } }).then(function () { return pf; });
      });
    }
    return pagefinds[bundle];
  }

  // The hidden word of a portal's records, as the search page of that portal names it (data-portal-word).
  function portalWordOf(portal) {
    if (!portal || typeof document === "undefined") return "";
    var form = document.querySelector("[data-portal-word][data-portal]");
    return form && form.getAttribute("data-portal") === portal ? form.getAttribute("data-portal-word") || "" : "";
  }

  function withPortal(filters, portal) {
    var out = {};
    for (var k in filters || {}) out[k] = filters[k];
    if (portal) out.portal = portal;
    return out;
  }

  function todayInJapan() {
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" })
      .format(new Date()).slice(0, 10);
  }

  // Kanji numerals where a number is meant (第五回, 十二月三日) → digits: meetings are labelled 第5回, 12月3日.
  var KANJI_DIGITS = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  function kanjiValue(k) {
    var tens = k.indexOf("十");
    if (tens < 0) return +k.split("").map(function (c) { return KANJI_DIGITS[c]; }).join("");
    var high = tens === 0 ? 1 : KANJI_DIGITS[k[0]];
    var low = tens === k.length - 1 ? 0 : KANJI_DIGITS[k[k.length - 1]];
    return high * 10 + low;
  }
  function kanjiNumbers(text) {
    var num = "([〇一二三四五六七八九]?十[一二三四五六七八九]?|[〇一二三四五六七八九]{1,3})";
    return text
      .replace(new RegExp("第" + num + "回", "g"), function (_, k) { return "第" + kanjiValue(k) + "回"; })
      .replace(new RegExp(num + "月(?:" + num + "日)?", "g"), function (all, m, d) {
        return kanjiValue(m) + "月" + (d ? kanjiValue(d) + "日" : "");
      });
  }

  // Dates as staff and visitors type them, in the forms meetings are labelled with (jp_month "2026年12月",
  // the day "12月10日"): 来年2月 → 2027年2月, 来月 → 2026年12月, 令和8年9月 → 2026年9月, 2/25 → 2月25日,
  // 2026/12/10 and 2026年12月10日(木) → 2026年12月 12月10日 (on the NFKC query; today is YYYY-MM-DD in Japan).
  function absoluteDates(text, today) {
    var year = +today.slice(0, 4);
    var month = +today.slice(5, 7);
    function ym(offset) {
      var m = month - 1 + offset;
      return (year + Math.floor(m / 12)) + "年" + ((m % 12 + 12) % 12 + 1) + "月";
    }
    function day(y, m, d) {
      var ok = +m >= 1 && +m <= 12 && +d >= 1 && +d <= 31;
      return ok ? " " + (y ? (+y) + "年" + (+m) + "月 " : "") + (+m) + "月" + (+d) + "日 " : null;
    }
    return kanjiNumbers(text)
      .replace(/(?:令和|\br)\s*(元|\d{1,2})\s*(年|[./])/gi, function (_, n, sep) {
        return (2018 + (n === "元" ? 1 : +n)) + (sep === "年" ? "年" : sep);
      })
      .replace(/[(（][月火水木金土日](?:曜日?)?[)）]/g, " ")
      .replace(/(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, function (all, y, m, d) {
        return day(y, m, d) || all;
      })
      .replace(/(?:(\d{4})[/.-])?(\d{1,2})[/.-](\d{1,2})(?![\d/.-])/g, function (all, y, m, d) {
        return day(y, m, d) || all;
      })
      .replace(/(\d{4})[/.-](\d{1,2})(?![\d/.-])/g, function (all, y, m) {
        return +m >= 1 && +m <= 12 ? (+y) + "年" + (+m) + "月" : all;
      })
      .replace(/(今年|来年|去年|昨年)(?:の)?(\d{1,2})月/g, function (_, which, m) {
        return (year + { 今年: 0, 来年: 1, 去年: -1, 昨年: -1 }[which]) + "年" + (+m) + "月";
      })
      .replace(/再来月/g, ym(2)).replace(/今月/g, ym(0)).replace(/来月/g, ym(1)).replace(/先月/g, ym(-1));
  }

  // Sign-up dates as staff type them, after absoluteDates (〆切 12/8, 2月締切, 締切は2027/2/5, 1月5日から受付): meetings carry
  // 締切12月8日, 締切12月, 受付1月5日 as words of their own, so 2月締切 is not every meeting held in February.
  var DEADLINE = "(?:申込締切|申し込み締切|締め切り|締切り|締切|〆切り|〆切|しめきり|期限)";
  var OPENS = "(?:受付開始|申込開始|受け付け開始|受付|受け付け)";
  var YEAR = "(?:\\d{4}年\\d{1,2}月\\s+)?"; // absoluteDates writes 2027/2/5 as "2027年2月 2月5日"
  var MONTH_DAY = "(?<![\\d年])(\\d{1,2}月(?:\\d{1,2}日)?)";
  function signupDates(text) {
    return text
      .replace(new RegExp(DEADLINE + "\\s*[はの:]?\\s*" + YEAR + MONTH_DAY, "g"), " 締切$1 ")
      .replace(new RegExp(YEAR + MONTH_DAY + "\\s*(?:まで|の)?\\s*" + DEADLINE, "g"), " 締切$1 ")
      .replace(new RegExp(OPENS + "\\s*[はの:]?\\s*" + YEAR + MONTH_DAY, "g"), " 受付$1 ")
      .replace(new RegExp(YEAR + MONTH_DAY + "\\s*から\\s*の?\\s*" + OPENS, "g"), " 受付$1 ");
  }

  /* Typos: one character changed, added or dropped (a swap of two neighbours counts too). */
  function deletions(word) {
    var out = [word];
    for (var i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
    return out;
  }

  function oneEdit(a, b) {
    if (a === b) return false;
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // changed
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // added / dropped
  }

  function loadTypoShard(bundle, n) {
    var d = loadDict(bundle);
    var name = "t" + n;
    if (!d.shards[name]) {
      d.shards[name] = fetch(bundle + "kk-dict/" + name + ".json.gz").then(function (r) {
        if (!r.ok) return {};
        return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).json();
      }).catch(function () { return {}; });
    }
    return d.shards[name];
  }

  // For each unknown word of 3+ characters, the known word one edit away (a word the dictionary holds is never replaced).
  function typoFixes(bundle, words) {
    return loadDict(bundle).meta.then(function (meta) {
      var min = meta.typo_min || 3;
      // A word of kana only needs one character more: three kana are one edit from too many words (げーむ → ずーむ).
      var wanted = words.map(fold).filter(function (w) {
        return w.length >= min + (/^[\u3041-\u309f\u30fc]+$/.test(w) ? 1 : 0) && meta.typo_shards;
      });
      if (!wanted.length) return {};
      var ids = {};
      wanted.forEach(function (w) { deletions(w).forEach(function (v) { ids[shardOf(v, meta.typo_shards)] = true; }); });
      return Promise.all(Object.keys(ids).map(function (n) { return loadTypoShard(bundle, n); })).then(function (parts) {
        var typos = {};
        parts.forEach(function (p) { for (var k in p) typos[k] = p[k]; });
        var fixes = {};
        wanted.forEach(function (w) {
          if (typos[w + "!"]) return; // a real word the data lacks (自転車), not a typo of one it holds (自動車)
          var found = {};
          deletions(w).forEach(function (v) { (typos[v] || []).forEach(function (c) { if (oneEdit(w, c)) found[c] = true; }); });
          // Prefer a word of the same length (a character changed: 品質菅理 → 品質管理), then the first in order.
          var best = Object.keys(found).sort(function (a, b) {
            return Math.abs(a.length - w.length) - Math.abs(b.length - w.length) || (a < b ? -1 : a > b ? 1 : 0);
          })[0];
          if (best) fixes[w] = best;
        });
        return fixes;
      });
    });
  }

  // A folded word as the visitor would write it: in katakana when they typed katakana (ぶらんでぃんぐ → ブランディング).
  function shownAs(key, typed) {
    if (!/[\u30a1-\u30fa]/.test(typed)) return key;
    return key.replace(/[\u3041-\u3096]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + 0x60); });
  }

  /* Run a query. options: bundle (URL of pagefind/), portal (filter value, "" = national), baseUrl,
     filters ({name: value | [values]}). Resolves to
     { query, words: [{text, kind, terms}], unknown: [text], fixed: [{from, to}],
       fields: [{text, labels}] (words found only through their fields),
       results: [{id, weight, score, words, lacks, via, data()}] }
     where a result's `lacks` lists the query's words it does not hold and `via` is
     "word" (holds a word), "parts" (holds every part of a compound word), "mention" (only mentions one)
     or "field" (only labelled with a word's field). */
  function kkSearch(typed, options) {
    options = options || {};
    var bundle = options.bundle;
    var query = signupDates(absoluteDates((typed || "").normalize("NFKC"), options.today || todayInJapan()));
    var folded = fold(query);
    return dictFor(bundle, folded).then(function (dict) {
      var parsed = parse(query, dict);
      if (!parsed.unknown.length) return { dict: dict, parsed: parsed };
      // An unknown word may be a typo of a known one: look it up, load the shards of what it may be, parse again.
      return typoFixes(bundle, parsed.unknown).then(function (fixes) {
        var targets = Object.keys(fixes).map(function (k) { return fixes[k]; });
        if (!targets.length) return { dict: dict, parsed: parsed };
        return dictFor(bundle, folded, targets.map(function (t) { return t[0]; })).then(function (more) {
          return { dict: more, parsed: parse(query, more, fixes) };
        });
      });
    }).then(function (st) {
      var parsed = st.parsed;
      var fixed = parsed.groups.filter(function (g) { return g.fixed; }).map(function (g) { return { from: g.text, to: shownAs(g.fixed, g.text) }; });
      var base = { query: typed, words: describe(parsed.groups), unknown: parsed.unknown, fixed: fixed, fields: [], results: [] };
      if (!parsed.groups.length || parsed.unknown.length) return base;
      return pagefindAt(bundle, options.baseUrl).then(function (pf) {
        // A portal's search asks for each word together with the portal's hidden word (one index chunk) when the
        // page names it; the `portal` filter would load that filter's whole file (~290 kB at nation size).
        var scope = portalWordOf(options.portal);
        var filters = withPortal(options.filters, scope ? "" : options.portal);
        var scoped = function (words) { return scope ? words + " " + scope : words; };
        var pages = {};
        var jobs = [];
        var recordsOnly = withPortal(filters);
        // Not the editorial pages (their own small filter, kk-page; 種類 would load a file listing every page).
        if (!recordsOnly["種類"]) recordsOnly.not = { "kk-page": "案内" };
        var later = [];
        parsed.groups.forEach(function (g, gi) {
          var asks = g.entry[1].map(function (tok) { return { tok: tok, filters: filters, level: "hit", factor: 1 }; });
          // A place named only in the text counts half: records that are there come first.
          (g.entry[3] || []).forEach(function (tok) { asks.push({ tok: tok, filters: recordsOnly, level: "hit", factor: 0.5 }); });
          (g.entry[4] || []).forEach(function (tok) { asks.push({ tok: tok, filters: filters, level: "tail", factor: 1 }); });
          // The word's fields, first field weighing most: asked only when the words find less than a page (below).
          (g.entry[5] || []).forEach(function (tok, fi) { later.push({ gi: gi, tok: tok, filters: recordsOnly, level: "field", factor: 1 / (1 + fi) }); });
          // A compound's parts (金属加工 → 金属, 加工): a page holding every part is found after those holding the word.
          (g.entry[7] || []).forEach(function (tok, pi) { later.push({ gi: gi, tok: tok, filters: filters, level: "part", part: pi }); });
          asks.forEach(function (ask) { jobs.push(ask1(ask, gi)); });
        });
        function ask1(ask, gi) {
          return pf.search(scoped(ask.tok), { filters: ask.filters }).then(function (r) {
            r.results.forEach(function (res) {
              var page = pages[res.id] || (pages[res.id] = { id: res.id, hit: {}, tail: {}, field: {}, parts: {}, fieldScore: 0, score: 0, partScore: 0, result: res });
              if (ask.level === "tail") { page.tail[gi] = true; return; }
              if (ask.level === "part") {
                (page.parts[gi] = page.parts[gi] || {})[ask.part] = true;
                page.partScore += res.score / (r.results[0].score || 1);
                return;
              }
              if (ask.level === "field") { page.field[gi] = true; page.fieldScore += ask.factor; return; }
              page.hit[gi] = true;
              page.score += ask.factor * res.score / (r.results[0].score || 1);
            });
          });
        }
        var reached = {};
        var direct = {};
        // Tie-break for a one-word query: Pagefind's own ranking of the visible text for it.
        // (Skipped for longer queries: it costs an index chunk of its own, ~30 kB, on the first query.)
        var raw = {};
        if (parsed.groups.length === 1 && fold(parsed.groups[0].text) === folded.trim() && !parsed.groups[0].fixed) {
          jobs.push(pf.search(scoped(query.normalize("NFKC")), { filters: filters }).then(function (r) {
            var top = r.results.length ? r.results[0].score || 1 : 1;
            r.results.forEach(function (res) { raw[res.id] = res.score / top; });
          }));
        }
        return Promise.all(jobs).then(function () {
          // Fields only fill in: when the words themselves find fewer pages than one page of results, or a word
          // finds none. (Asked for every query they would cost index chunks of their own on the first query.)
          var found = {};
          for (var id0 in pages) for (var g0 in pages[id0].hit) found[g0] = (found[g0] || 0) + 1;
          var thin = Object.keys(pages).length < FIELDS_BELOW || parsed.groups.some(function (g, gi) { return !found[gi]; });
          return thin ? Promise.all(later.map(function (ask) { return ask1(ask, ask.gi); })) : null;
        }).then(function () {
          function whole(page, gi) {
            var need = parsed.groups[gi].entry[7] || [];
            return need.length > 0 && page.parts[gi] && Object.keys(page.parts[gi]).length === need.length;
          }
          for (var id in pages) {
            for (var gi in pages[id].hit) { reached[gi] = true; direct[gi] = true; }
            for (var gt in pages[id].tail) { reached[gt] = true; direct[gt] = true; }
            for (var gf in pages[id].field) reached[gf] = true;
            for (var gp in pages[id].parts) if (whole(pages[id], gp)) { reached[gp] = true; direct[gp] = true; }
          }
          // A content word or place that no page holds: the query asks for something the data lacks
          // (沖縄 観光: nothing is in 沖縄). Name it and show nothing rather than half an answer.
          var absent = parsed.groups.filter(function (g, gi) {
            return (g.entry[0] === "n" || g.entry[0] === "p") && !reached[gi];
          });
          if (absent.length) {
            base.unknown = absent.map(function (g) { return g.text; });
            return base;
          }
          // Words that no page holds but whose fields some do: the answer says it searched the fields.
          base.fields = parsed.groups.filter(function (g, gi) { return !direct[gi] && reached[gi]; })
            .map(function (g) { return { text: g.text, labels: g.entry[6] || [] }; });
          var content = [];
          parsed.groups.forEach(function (g, gi) { if (g.entry[0] === "n" || g.entry[0] === "p") content.push(gi); });
          var list = Object.keys(pages).map(function (id) {
            var p = pages[id];
            var weight = 0;
            var strong = 0;
            var covered = 0;
            var place = false;
            var words = [];
            for (var gi in p.hit) {
              var kind = parsed.groups[gi].entry[0];
              weight += WEIGHT[kind];
              if (kind === "n" || kind === "p") strong++;
              if (kind === "p") place = true;
              words.push(parsed.groups[gi].text);
            }
            var lacks = [];
            var mention = false;
            var parts = false;
            content.forEach(function (gi) {
              if (p.hit[gi]) { covered++; return; }
              if (whole(p, gi)) { covered++; parts = true; words.push(parsed.groups[gi].text); return; }
              if (p.tail[gi]) { covered++; mention = true; words.push(parsed.groups[gi].text); return; }
              if (p.field[gi]) { covered++; return; }
              lacks.push(parsed.groups[gi].text);
            });
            var via = strong ? "word" : parts ? "parts" : mention ? "mention" : Object.keys(p.field).length ? "field" : "word";
            return { id: id, weight: weight, strong: strong, covered: covered, place: place, via: via, lacks: lacks,
                     fieldScore: p.fieldScore, partScore: p.partScore, score: p.score + 0.5 * (raw[id] || 0), words: words,
                     data: p.result.data };
          });
          var hasStrong = content.length > 0;
          var hasPlace = parsed.groups.some(function (g) { return g.entry[0] === "p"; });
          var best = 0;
          list.forEach(function (r) { if (r.covered > best) best = r.covered; });
          // Shown: pages that hold at least half of the query's content words (and its place, if it names one).
          list = list.filter(function (r) {
            return (!hasStrong || r.covered * 2 >= best) && (!hasPlace || r.place);
          });
          var LEVEL = { word: 0, parts: 1, mention: 2, field: 3 };
          // Pages holding the words first (most words first), then pages holding every part of a compound, then
          // pages that only mention one, then pages only labelled with a word's field (most of its fields first).
          list.sort(function (a, b) {
            // (A word's parts or field never reorder pages that hold words: they only rank the pages found through them.)
            var softOrder = a.via === "field" ? b.covered - a.covered || b.fieldScore - a.fieldScore :
              a.via === "parts" ? b.covered - a.covered || b.partScore - a.partScore : 0;
            return LEVEL[a.via] - LEVEL[b.via] || b.strong - a.strong || b.weight - a.weight || softOrder ||
              // Then the score; last, the lists' order: a result's id begins with its place in it (index_canonical.py),
              // so among equally good results upcoming meetings come first, then past ones, challenges and veterans.
              b.score - a.score || (a.id < b.id ? -1 : 1);
          });
          base.results = list;
          return base;
        });
      });
    });
  }

  kkSearch.fold = fold;
  kkSearch.loose = loose;
  kkSearch.parse = parse;
  kkSearch.pagefind = pagefindAt;
  window.kkSearch = kkSearch;
})();
