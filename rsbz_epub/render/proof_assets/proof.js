/* rsbz-epub proof page: line selection, the fix menu, the left/right scroll link and the
   corrected-text download.  Plain DOM and one listener per container (event delegation):
   a 50-page issue has ~30,000 lines and no line gets a listener of its own. */
(function () {
  "use strict";
  var doc = document;
  var $ = function (id) { return doc.getElementById(id); };
  var src = $("src"), book = doc.querySelector(".book"), menu = $("menu"), edited = $("edited");
  var strings = JSON.parse($("strings").textContent);
  var langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var forced = /[?&]lang=(zh|en)\b/.exec(location.search);
  var lang = forced ? forced[1] : (langs.some(function (l) { return /^zh\b/i.test(l); }) ? "zh" : "en");
  var T = strings[lang];
  var edits = new Map();  // line number -> edited line (may hold two lines for a page break)
  var current = null;     // the selected <li>
  var marks = null;       // right-side elements with data-l, sorted by line (built on first use)

  function t(key, vars) {
    return T[key].replace(/\{(\w+)\}/g, function (_, k) { return vars[k]; });
  }

  if (lang === "en") {
    doc.documentElement.lang = "en";
    doc.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = T[el.dataset.i18n]; });
    doc.querySelectorAll("[data-i18n-label]").forEach(function (el) { el.setAttribute("aria-label", T[el.dataset.i18nLabel]); });
  }

  function rawText(li) {
    return li.dataset.raw !== undefined ? JSON.parse(li.dataset.raw) : li.querySelector(".t").textContent;
  }
  function lineOf(li) { return +li.id.slice(1); }
  function core(text) {
    return text.trim().replace(/^(?:\\|#{1,2}[ \u3000]+|={3,}\s*)/, "").replace(/\s*={3,}$/, "").trim();
  }
  function pageAfter(li) {
    var el = markFor(lineOf(li)), sec = el && el.closest(".proof-page");
    var label = sec ? sec.dataset.page : "1", m = /^([A-Za-z]*)(\d+)$/.exec(label);
    return m ? m[1] + (+m[2] + 1) : label;
  }
  var PAGE_LINE = /^(?:第?\s*[A-Za-z]?\d+\s*版|第[一二三四五六七八九十百零〇]+版|[A-Za-z]?\d+版)/;
  function editFor(li, kind) {
    var text = rawText(li), c = core(text);
    if (kind === "title") return "# " + c;
    if (kind === "section") return "## " + c;
    if (kind === "literal") return "\\" + c;
    if (kind === "page") {
      if (PAGE_LINE.test(c)) return "=== " + c + " ===";
      var label = pageAfter(li);
      return "=== " + (/^\d+$/.test(label) ? "第" + label + "版" : label + "版") + " ===\n" + text;
    }
    return null;
  }

  function buildMarks() {
    var els = Array.prototype.slice.call(book.querySelectorAll("[data-l]"));
    els.sort(function (a, b) { return a.dataset.l - b.dataset.l; });
    marks = { els: els, lines: els.map(function (e) { return +e.dataset.l; }) };
  }
  function markFor(no) {
    if (!marks) buildMarks();
    var lo = 0, hi = marks.lines.length - 1, best = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (marks.lines[mid] <= no) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best < 0 ? marks.els[0] : marks.els[best];
  }
  function flash(el) {
    var old = doc.querySelectorAll(".flash");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("flash");
    el.classList.add("flash");
  }
  // Scroll only the pane that holds el (scrollIntoView would move the whole page too).
  function scrollInPane(el, where) {
    place(el, where);
    // Chunks laid out just now may have a height other than their estimate, and laying them out may move the
    // line again: aim again on the next frames until it stays inside its pane.
    var frames = 5;
    requestAnimationFrame(function again() {
      place(el, where);
      if (--frames > 0 && !inPane(el)) requestAnimationFrame(again);
    });
  }
  function inPane(el) {
    var box = el.closest(".pane").getBoundingClientRect(), r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  }
  function place(el, where) {
    var pane = el.closest(".pane"), box = pane.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (where === "nearest" && r.top >= box.top + 40 && r.bottom <= box.bottom) return;
    var top = where === "nearest" && r.top < box.top + 40 ? 40 : (box.height - r.height) / 2;
    pane.scrollTop += r.top - box.top - Math.max(40, top);
  }
  function showBook(no) {
    var el = markFor(no);
    if (!el) return;
    scrollInPane(el, "center");
    flash(el);
  }

  function select(li, opts) {
    if (current) { current.classList.remove("sel"); current.removeAttribute("aria-selected"); }
    current = li;
    li.classList.add("sel");
    li.setAttribute("aria-selected", "true");
    src.setAttribute("aria-activedescendant", li.id);
    if (opts.scrollSrc) scrollInPane(li, opts.scrollSrc);
    if (opts.sync !== false) showBook(lineOf(li));
    if (opts.menu) openMenu(li, opts.focusMenu);
    else closeMenu(false);
  }
  function openMenu(li, focus) {
    var kind = roleKind(li.dataset.r);
    $("menu-line").textContent = t("line_n", { n: lineOf(li) });
    menu.querySelectorAll("[data-kind]").forEach(function (b) {
      var same = b.dataset.kind === kind;
      b.disabled = same;
      b.title = same ? T.current : "";
    });
    setEdited(edits.has(lineOf(li)) ? edits.get(lineOf(li)) : rawText(li));
    menu.hidden = false;
    // Under the line, in the pane's scrolled coordinates (chunks are containing blocks
    // of their own, so offsetTop would be relative to the chunk).
    var pane = $("src-pane");
    menu.style.top = (li.getBoundingClientRect().bottom - pane.getBoundingClientRect().top + pane.scrollTop) + "px";
    if (focus) menu.querySelector("button:not([disabled])").focus();
  }
  function closeMenu(refocus) {
    if (menu.hidden) return;
    menu.hidden = true;
    if (refocus) src.focus();
  }
  function roleKind(role) {
    return { title: "title", section: "section", page: "page" }[role] || "";
  }

  function apply(kind) {
    var li = current, no = lineOf(li);
    var line = editFor(li, kind);
    if (line === null) { edits.delete(no); delete li.dataset.ov; li.classList.remove("ov"); setEdited(rawText(li)); }
    else { edits.set(no, line); li.dataset.ov = line; li.classList.add("ov"); setEdited(line); copy(); }
    $("edits").textContent = edits.size ? t("edits_n", { n: edits.size }) : T.no_edits;
  }
  function setEdited(text) {
    edited.value = text;
    edited.rows = text.split("\n").length;
  }
  function copy() {
    var text = edited.value;
    var done = function () { $("status").textContent = t("copied", { text: text }); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(); done(); });
    } else { fallbackCopy(); done(); }
  }
  function fallbackCopy() {
    edited.select();
    try { doc.execCommand("copy"); } catch (e) { /* the line stays selected for Ctrl+C */ }
  }

  function correctedText() {
    var out = [], items = src.querySelectorAll("li.ln");
    for (var i = 0; i < items.length; i++) {
      var no = lineOf(items[i]);
      out.push(edits.has(no) ? edits.get(no) : rawText(items[i]));
    }
    return out.join("\n") + "\n";
  }
  function download() {
    var blob = new Blob([correctedText()], { type: "text/plain;charset=utf-8" });
    var a = doc.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = doc.body.dataset.download;
    doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function nextMatching(selector) {
    var items = src.querySelectorAll(selector);
    if (!items.length) return;
    var from = current ? lineOf(current) : 0, pick = items[0];
    for (var i = 0; i < items.length; i++) if (lineOf(items[i]) > from) { pick = items[i]; break; }
    showPane("src");
    select(pick, { scrollSrc: "center" });
    src.focus();
  }
  function showPane(which) {
    doc.body.dataset.view = which;
    $("show-src").setAttribute("aria-pressed", String(which === "src"));
    $("show-book").setAttribute("aria-pressed", String(which === "book"));
  }
  function goLine(no) {
    var li = $("L" + no);
    if (!li) return;
    showPane("src");
    select(li, { scrollSrc: "center", sync: false });
  }

  src.addEventListener("click", function (e) {
    var li = e.target.closest("li.ln");
    if (li) select(li, { menu: true });
  });
  menu.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b || !current) return;
    if (b.dataset.kind) apply(b.dataset.kind);
    else if (b.id === "copy") copy();
    else if (b.id === "close-menu") closeMenu(true);
    else if (b.id === "in-book") { showPane("book"); showBook(lineOf(current)); }
  });
  menu.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { e.preventDefault(); closeMenu(true); }
  });
  book.addEventListener("click", function (e) {
    if (e.target.closest("a")) return;
    var el = e.target.closest("[data-l]");
    if (!el) return;
    flash(el);
    goLine(+el.dataset.l);
  });
  $("summary").addEventListener("click", function (e) {
    var a = e.target.closest("a[data-go]");
    if (!a) return;
    var no = +a.dataset.go, li = $("L" + no);
    if (li) { e.preventDefault(); select(li, { scrollSrc: "center" }); }
  });
  src.addEventListener("keydown", function (e) {
    var li = current || src.querySelector("li.ln"), step = 0;
    if (e.key === "ArrowDown") step = 1;
    else if (e.key === "ArrowUp") step = -1;
    else if (e.key === "PageDown") step = 20;
    else if (e.key === "PageUp") step = -20;
    else if (e.key === "Home") step = -Infinity;
    else if (e.key === "End") step = Infinity;
    else if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(li, { menu: true, focusMenu: true, scrollSrc: "nearest" }); return; }
    else if (e.key === "Escape") { closeMenu(true); return; }
    else if (e.key === "w") { nextMatching("li.has-w"); return; }
    else if (e.key === "u") { nextMatching("li.low"); return; }
    else return;
    e.preventDefault();
    var last = +src.dataset.lines, from = current ? lineOf(current) : 0;
    var to = Math.max(1, Math.min(last, step === Infinity ? last : step === -Infinity ? 1 : from + step));
    select($("L" + to), { scrollSrc: "nearest" });
  });
  $("download").addEventListener("click", download);
  $("next-warn").addEventListener("click", function () { nextMatching("li.has-w"); });
  $("next-low").addEventListener("click", function () { nextMatching("li.low"); });
  $("show-src").addEventListener("click", function () { showPane("src"); });
  $("show-book").addEventListener("click", function () { showPane("book"); });
  showPane("src");
})();
