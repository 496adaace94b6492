// chiso explorer: articles with their figures, places with their series, a metric across
// provinces. Uses the public API only (same origin); state lives in the URL's query string.
"use strict";

// ---------- small helpers ----------

const main = document.getElementById("main");
const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const UNITS = {
  percent: "%", percentage_point: "điểm %", count: "", ratio: "", vnd: "đồng", usd: "USD",
  hectare: "ha", square_metre: "m²", square_kilometre: "km²", tonne: "tấn", kilometre: "km", metre: "m", kilogram: "kg", times: "lần",
};
const DIRECTIONS = { increase: "tăng", decrease: "giảm", level: "mức" };
const QUALIFIERS = { over: "trên", under: "dưới", about: "khoảng", nearly: "gần" };
const LEVELS = { province: "tỉnh, thành phố", district: "huyện, quận, thị xã", commune: "xã, phường, thị trấn" };
const SCHEMES = { 2025: "bản đồ từ 1/7/2025", 2024: "bản đồ trước 1/7/2025" };

/** Builds an element: h("a", {href: "/"}, "text", child, …). */
function h(tag, attrs, ...children) {
  const svg = ["svg", "g", "circle", "line", "path", "text", "title", "rect", "polyline", "a"].includes(tag) && attrs && attrs.svg;
  const el = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "svg" || v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}
const s = (tag, attrs, ...children) => h(tag, { ...attrs, svg: true }, ...children);

function formatValue(value, unit, qualifier) {
  const u = UNITS[unit] ?? unit ?? "";
  const q = qualifier ? QUALIFIERS[qualifier] + " " : "";
  return q + numberFormat.format(value) + (u === "%" ? "%" : u ? " " + u : "");
}
function formatDate(d) {
  if (!d) return "";
  const [y, m, day] = d.split("-");
  return `${day}/${m}/${y}`;
}
function formatPeriod(p) {
  if (!p) return "không rõ kỳ";
  let m;
  if ((m = /^(\d{4})-H([12])$/.exec(p))) return `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(p))) return `quý ${m[2]}/${m[1]}`;
  if ((m = /^(\d{4})-(\d{1,2})M$/.exec(p))) return `${m[2]} tháng năm ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(p))) return `tháng ${Number(m[2])}/${m[1]}`;
  if ((m = /^(\d{4})-(\d{4})$/.exec(p))) return `${m[1]}–${m[2]}`;
  return p;
}
/** A period as a position on a time axis, in years (its middle). */
function periodPosition(p) {
  let m;
  if (!p) return null;
  if ((m = /^(\d{4})$/.exec(p))) return +m[1] + 0.5;
  if ((m = /^(\d{4})-H([12])$/.exec(p))) return +m[1] + (m[2] === "1" ? 0.25 : 0.75);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(p))) return +m[1] + (m[2] - 0.5) / 4;
  if ((m = /^(\d{4})-(\d{1,2})M$/.exec(p))) return +m[1] + m[2] / 24;
  if ((m = /^(\d{4})-(\d{2})$/.exec(p))) return +m[1] + (m[2] - 0.5) / 12;
  if ((m = /^(\d{4})-(\d{4})$/.exec(p))) return (+m[1] + +m[2] + 1) / 2;
  return null;
}

/** The page's state: the query string of the address. */
const state = () => new URLSearchParams(location.search);
function link(params) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  const text = q.toString();
  return text ? "/?" + text : "/";
}
function navLink(params, ...children) {
  return h("a", { href: link(params), "data-nav": true }, ...children);
}
const placeLink = (ref) => (ref ? navLink({ place: ref.id }, ref.name) : "—");
const metricLabel = (m) => [m.name_vi || m.name_en || m.key || m.metric];
const PERIOD_KINDS = { year: "năm", half: "6 tháng", quarter: "quý", nine_months: "9 tháng", month: "tháng", term: "nhiệm kỳ" };
const LEFT_OUT = {
  other_measure: (l) => `${l.count} giá trị đo khác (${UNITS[l.unit] || l.unit || "số"}, ${DIRECTIONS[l.direction]})`,
  no_period: (l) => `${l.count} giá trị không rõ kỳ`,
  other_period_kind: (l) => `${l.count} giá trị theo ${PERIOD_KINDS[l.period_kind] || l.period_kind}${l.units ? ` của ${l.units} đơn vị` : ""}`,
};

class ApiError extends Error {}
let generation = 0;
/** GET a JSON document from the API; a problem+json answer becomes an ApiError with its detail. */
async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError((body && (body.detail || body.title)) || `HTTP ${res.status}`);
  return body;
}
let catalog = null;
async function metrics() {
  catalog ??= api("/metrics?limit=200").then((page) => page.data.filter((m) => m.indicator_count > 0))
    .catch((err) => { catalog = null; throw err; });
  return catalog;
}

// ---------- routing ----------

function navigate(href, replace) {
  if (replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  render();
}
document.addEventListener("click", (e) => {
  const a = e.target.closest && e.target.closest("a[data-nav]");
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute("href"));
});
window.addEventListener("popstate", render);

async function render() {
  const mine = ++generation;
  const params = state();
  const view = params.get("article") ? "article" : params.get("place") ? "place" : params.get("view") || "search";
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    if (a.dataset.view === (view === "article" ? "search" : view)) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  main.setAttribute("aria-busy", "true");
  let content;
  try {
    const views = { search: searchView, article: articleView, place: placeView, compare: compareView };
    content = await (views[view] || searchView)(params);
  } catch (err) {
    content = h("section", { class: "error", role: "alert" }, h("h1", { tabindex: -1 }, "Không tải được"),
      h("p", null, err instanceof ApiError ? err.message : "Lỗi kết nối tới máy chủ."), navLink({}, "Về trang đầu"));
    if (!(err instanceof ApiError)) console.warn(err);
  }
  if (mine !== generation) return; // a newer navigation won
  main.replaceChildren(content);
  main.setAttribute("aria-busy", "false");
  const heading = main.querySelector("h1");
  document.title = (heading ? heading.textContent + " — " : "") + "chiso";
  if (!params.get("figure")) (heading || main).focus({ preventScroll: false });
  for (const hook of afterRender.splice(0)) hook();
}
const afterRender = [];

// ---------- search ----------

async function searchView(params) {
  const place = params.get("locality") ? await api(`/localities/${encodeURIComponent(params.get("locality"))}`) : null;
  const query = new URLSearchParams({ limit: "20" });
  for (const k of ["q", "locality", "from", "to", "metric", "offset"]) if (params.get(k)) query.set(k, params.get(k));
  const page = await api("/articles?" + query);
  const form = searchForm(params, place);
  const total = page.meta.total_exact ? numberFormat.format(page.meta.total) : "hơn " + numberFormat.format(page.meta.total);
  const offset = page.meta.offset;
  const pager = h("nav", { class: "pager", "aria-label": "Trang kết quả" },
    page.links.prev ? navLink({ ...Object.fromEntries(params), offset: Math.max(0, offset - 20) || undefined }, "← Trang trước") : null,
    page.links.next ? navLink({ ...Object.fromEntries(params), offset: offset + 20 }, "Trang sau →") : null);
  return h("section", { class: "search" },
    h("h1", { tabindex: -1 }, params.get("q") ? `Bài viết có “${params.get("q")}”` : "Bài viết"),
    form,
    h("p", { class: "count", role: "status" }, page.data.length ? `${total} bài · ${offset + 1}–${offset + page.data.length}` : "Không có bài nào khớp."),
    h("ol", { class: "articles", start: offset + 1 }, page.data.map(articleItem)),
    pager);
}

function searchForm(params, place) {
  const placeInput = placePicker("locality", place, "Địa phương");
  const form = h("form", { class: "filters", role: "search", onsubmit: async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    let locality;
    try {
      locality = await placeInput.resolve();
    } catch (err) {
      placeInput.element.querySelector("input").setCustomValidity(err.message);
      placeInput.element.querySelector("input").reportValidity();
      return;
    }
    navigate(link({ q: data.get("q").trim(), locality, from: data.get("from"), to: data.get("to"), metric: data.get("metric") }));
  } },
    field("q", "Từ khóa (không cần dấu)", h("input", { id: "q", name: "q", type: "search", value: params.get("q") || "", placeholder: "dân vận, hộ nghèo…" })),
    placeInput.element,
    field("from", "Từ ngày", h("input", { id: "from", name: "from", type: "date", value: params.get("from") || "" })),
    field("to", "Đến ngày", h("input", { id: "to", name: "to", type: "date", value: params.get("to") || "" })),
    field("metric", "Chỉ số", metricSelect("metric", metrics(), params.get("metric"), "Mọi chỉ số")),
    h("button", { type: "submit" }, "Tìm"));
  return form;
}

function field(id, label, control) {
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}
/** A choice of catalog metrics; filled when the catalog arrives (it is not needed to draw the page). */
function metricSelect(id, catalogue, selected, anyLabel) {
  const option = (m) => h("option", { value: m.key, selected: m.key === selected }, `${m.name_vi} (${numberFormat.format(m.indicator_count)} số liệu)`);
  const select = h("select", { id, name: "metric" }, anyLabel ? h("option", { value: "" }, anyLabel) : null,
    selected ? h("option", { value: selected, selected: true }, selected) : null);
  Promise.resolve(catalogue).then((list) => {
    const kept = select.value;
    select.replaceChildren(...(anyLabel ? [h("option", { value: "" }, anyLabel)] : []), ...list.map(option));
    select.value = kept;
  }).catch(() => {});
  return select;
}
/** A text input suggesting units of either map as one types (the API's prefix search). */
function placePicker(id, current, label) {
  const known = new Map();
  const describe = (p) => `${p.name} (${p.scheme === "2025" ? "2025" : "trước 2025"}, ${p.id})`;
  const list = h("datalist", { id: id + "-options" });
  const input = h("input", { id, name: id, type: "text", autocomplete: "off", list: id + "-options", value: current ? describe(current) : "", placeholder: "tỉnh, huyện, xã…" });
  if (current) known.set(describe(current), current.id);
  let timer;
  input.addEventListener("input", () => {
    input.setCustomValidity("");
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || known.has(q)) return;
    timer = setTimeout(async () => {
      const page = await api("/localities?" + new URLSearchParams({ q, limit: "15" })).catch(() => null);
      if (!page) return;
      list.replaceChildren(...page.data.map((p) => {
        known.set(describe(p), p.id);
        return h("option", { value: describe(p) });
      }));
    }, 200);
  });
  /** The unit meant: a suggestion chosen, an id typed, else the best match of the words. */
  const resolve = async () => {
    const text = input.value.trim();
    if (!text) return "";
    const bracket = /, ([0-9A-Za-z-]+)\)$/.exec(text);
    if (known.has(text)) return known.get(text);
    if (bracket) return bracket[1];
    const page = await api("/localities?" + new URLSearchParams({ q: text, limit: "1" }));
    if (!page.data.length) throw new ApiError(`Không tìm thấy địa phương “${text}”.`);
    return page.data[0].id;
  };
  return { element: h("div", { class: "field wide" }, h("label", { for: id }, label), input, list), resolve };
}

function articleItem(a) {
  return h("li", null,
    h("h2", null, navLink({ article: a.id }, a.title || "(bài không có tiêu đề)")),
    h("p", { class: "meta" },
      [formatDate(a.published_on || a.event_date), a.locality ? placeLink(a.locality) : null, a.period ? "kỳ " + formatPeriod(a.period) : null, `${a.indicator_count} chỉ số`]
        .filter(Boolean).flatMap((x, i) => (i ? [" · ", x] : [x]))));
}

// ---------- one article, its figures highlighted ----------

async function articleView(params) {
  const id = params.get("article");
  const article = await api(`/articles/${encodeURIComponent(id)}?include=indicators`);
  const figures = article.indicators || [];
  const detail = h("aside", { class: "figure-detail", id: "figure-detail", "aria-live": "polite", "aria-label": "Chỉ số đang chọn" },
    h("p", { class: "hint" }, "Chọn một con số được tô sáng để xem chỉ số."));
  const byId = new Map(figures.map((f) => [String(f.id), f]));
  const show = (f, pin) => {
    detail.replaceChildren(figureCard(f));
    if (pin) {
      for (const b of main.querySelectorAll(".fig[aria-pressed=true]")) b.setAttribute("aria-pressed", "false");
      for (const b of main.querySelectorAll(`.fig[data-id="${f.id}"]`)) b.setAttribute("aria-pressed", "true");
      history.replaceState(null, "", link({ article: id, figure: f.id }));
    }
  };
  const onFigure = (e) => {
    const b = e.target.closest(".fig");
    if (!b) return;
    show(byId.get(b.dataset.id), e.type === "click");
  };
  const body = h("div", { class: "body", onclick: onFigure, onmouseover: onFigure, onfocusin: onFigure },
    ...highlight(article.body, figures.filter((f) => f.evidence.field === "body")));
  const title = h("h1", { tabindex: -1, onclick: onFigure, onmouseover: onFigure, onfocusin: onFigure },
    ...(article.title ? highlight(article.title, figures.filter((f) => f.evidence.field === "title"), true) : ["(bài không có tiêu đề)"]));
  const facts = h("dl", { class: "facts" },
    fact("Ngày đăng", formatDate(article.published_on)), fact("Ngày sự kiện", formatDate(article.event_date)),
    fact("Tác giả", article.byline), fact("Kỳ báo cáo", article.period && formatPeriod(article.period)),
    fact("Nguồn", article.source_url && h("a", { href: article.source_url, rel: "noopener" }, new URL(article.source_url).hostname)),
    fact("Địa phương", article.localities.length ? article.localities.flatMap((l, i) => (i ? [", ", placeLink(l)] : [placeLink(l)])) : null),
    fact("Dữ liệu", h("a", { href: `/articles/${encodeURIComponent(id)}?include=indicators` }, "JSON của bài")));
  const wanted = params.get("figure");
  if (wanted && byId.has(wanted)) {
    afterRender.push(() => {
      const b = main.querySelector(`.fig[data-id="${wanted}"]`);
      show(byId.get(wanted), true);
      if (b) { b.scrollIntoView({ block: "center" }); b.focus({ preventScroll: true }); }
    });
  }
  return h("article", { class: "article" }, title, facts,
    h("div", { class: "reading" }, body, detail),
    h("section", { class: "figure-list" }, h("h2", null, `${figures.length} chỉ số trong bài`), figureTable(figures, id)));
}

function fact(label, value) {
  return value ? [h("dt", null, label), h("dd", null, value)] : null;
}

/** The text with each figure's [start, end) (Unicode code points) as a button; paragraphs
 *  are separated by a blank line. Overlapping figures keep the first. */
function highlight(text, figures, inline) {
  const chars = Array.from(text);
  const sorted = [...figures].sort((a, b) => a.evidence.start - b.evidence.start || b.evidence.end - a.evidence.end);
  const blocks = [];
  let paragraph = inline ? null : h("p");
  const out = [];
  const put = (node) => (inline ? out.push(node) : paragraph.append(node));
  const putText = (str) => {
    if (inline) return str && out.push(str);
    const parts = str.split(/\n\s*\n/);
    parts.forEach((part, i) => {
      if (i > 0) { blocks.push(paragraph); paragraph = h("p"); }
      if (part) paragraph.append(part);
    });
  };
  let at = 0;
  for (const f of sorted) {
    const { start, end } = f.evidence;
    if (start < at || end > chars.length || end <= start) continue;
    putText(chars.slice(at, start).join(""));
    put(h("button", { type: "button", class: "fig", "data-id": f.id, "aria-pressed": "false",
      "aria-label": `${chars.slice(start, end).join("")}: ${f.metric_name_vi}, ${formatPeriod(f.period)}` }, chars.slice(start, end).join("")));
    at = end;
  }
  putText(chars.slice(at).join(""));
  if (inline) return out;
  blocks.push(paragraph);
  return blocks.filter((p) => p.childNodes.length);
}

function figureCard(f) {
  return h("div", { class: "card" },
    h("p", { class: "value" }, formatValue(f.value, f.unit, f.qualifier), f.denominator ? ` / ${numberFormat.format(f.denominator)}` : null,
      f.unit === "count" && f.unit_noun ? " " + f.unit_noun : null),
    h("p", { class: "label" }, f.label),
    h("dl", null,
      fact("Chỉ số", [...metricLabel({ name_en: f.metric_name_en, name_vi: f.metric_name_vi }), h("code", null, " " + f.metric)]),
      fact("Chiều", DIRECTIONS[f.direction]), fact("Kỳ", formatPeriod(f.period)),
      fact("Địa phương", f.locality ? placeLink(f.locality) : "không rõ"),
      fact("Ngày", formatDate(f.date))),
    h("blockquote", null, f.evidence.text),
    h("p", null, h("a", { href: `/indicators/${f.id}` }, "JSON của chỉ số"), " · ",
      f.locality ? navLink({ place: f.locality.id, metric: f.metric }, "Chuỗi thời gian ở địa phương này") : null));
}

function figureTable(figures, articleId) {
  if (!figures.length) return h("p", null, "Bài không có số liệu được trích.");
  return h("div", { class: "table-wrap" }, h("table", null,
    h("thead", null, h("tr", null, ["Giá trị", "Nội dung", "Chỉ số", "Chiều", "Kỳ", "Địa phương"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, figures.map((f) => h("tr", null,
      h("td", { class: "num" }, navLink({ article: articleId, figure: f.id }, formatValue(f.value, f.unit, f.qualifier))),
      h("td", null, f.label || "—"),
      h("td", null, metricLabel({ name_en: f.metric_name_en, name_vi: f.metric_name_vi })),
      h("td", null, DIRECTIONS[f.direction] || f.direction),
      h("td", null, formatPeriod(f.period)),
      h("td", null, f.locality ? placeLink(f.locality) : "—"))))));
}

// ---------- a place ----------

async function placeView(params) {
  const id = params.get("place");
  if (!id) return placeChooser(params);
  const enc = encodeURIComponent(id);
  const [place, summary, articles] = await Promise.all([
    api(`/localities/${enc}`), api(`/localities/${enc}/summary?include=children`), api(`/articles?locality=${enc}&limit=8`)]);
  const series = summary.metrics.filter((m) => m.count + m.parts.count > 0);
  const chosen = series.find((m) => m.metric === params.get("metric") && (!params.get("unit") || m.unit === params.get("unit")))
    || [...series].sort((a, b) => b.count + b.parts.count - a.count - a.parts.count)[0];
  const chart = chosen ? await seriesChart(place, chosen) : h("p", null, "Chưa có chỉ số nào về địa phương này.");
  const picker = chosen ? h("form", { class: "filters", onsubmit: (e) => e.preventDefault() },
    field("series-metric", "Chỉ số", h("select", { id: "series-metric", onchange: (e) => {
      const [metric, unit] = e.target.value.split("|");
      navigate(link({ place: id, metric, unit }), true);
    } }, series.map((m) => h("option", { value: `${m.metric}|${m.unit}`, selected: m === chosen },
      `${m.name_vi} (${UNITS[m.unit] || m.unit || "số"}; ${m.count} giá trị của chính địa phương, ${m.parts.count} của đơn vị trực thuộc)`))))) : null;
  const crosswalk = place.scheme === "2025" ? place.predecessors : place.successors;
  return h("section", { class: "place" },
    h("p", { class: "crumbs" }, place.parents.flatMap((p) => [placeLink(p), " › "])),
    h("h1", { tabindex: -1 }, place.name),
    h("p", { class: "meta" }, `${place.type_vi || LEVELS[place.level]} · ${SCHEMES[place.scheme]} · mã ${place.code}`,
      place.area_km2 ? ` · ${numberFormat.format(place.area_km2)} km²` : ""),
    h("div", { class: "cards" },
      stat("Bài viết", summary.article_count), stat("Chỉ số", summary.indicator_count),
      stat("Qua bản đồ kia", summary.crosswalk_indicator_count),
      stat("Từ – đến", summary.first_date ? `${formatDate(summary.first_date)} – ${formatDate(summary.last_date)}` : "—")),
    h("section", { class: "series" }, h("h2", null, "Chuỗi thời gian"), picker, chart),
    crosswalk.length ? h("section", null, h("h2", null, place.scheme === "2025" ? "Hình thành từ (bản đồ trước 1/7/2025)" : "Nay thuộc (bản đồ từ 1/7/2025)"),
      h("ul", { class: "links" }, crosswalk.map((l) => h("li", null, placeLink(l.locality), l.share === "whole" ? "" : " (một phần)")))) : null,
    summary.children?.length ? h("details", null, h("summary", null, `${summary.children.length} đơn vị trực thuộc`),
      h("ul", { class: "links columns" }, [...summary.children].sort((a, b) => b.indicator_count - a.indicator_count)
        .map((c) => h("li", null, placeLink(c.locality), ` (${c.article_count} bài, ${c.indicator_count} chỉ số)`)))) : null,
    h("section", null, h("h2", null, "Bài viết về địa phương"),
      h("ol", { class: "articles" }, articles.data.map(articleItem)),
      articles.links.next ? navLink({ locality: id }, "Xem tất cả bài viết") : null),
    h("p", null, h("a", { href: `/localities/${enc}/summary` }, "JSON của bản tóm tắt")));
}

const stat = (label, value) => h("div", { class: "stat" }, h("span", { class: "stat-value" }, typeof value === "number" ? numberFormat.format(value) : value), h("span", null, label));

async function placeChooser(params) {
  const scheme = params.get("scheme") || "2025";
  const q = params.get("q") || "";
  const query = new URLSearchParams({ scheme, limit: "100" });
  if (q) query.set("q", q); else { query.set("level", "province"); query.set("sort", "name"); }
  const page = await api("/localities?" + query);
  const form = h("form", { class: "filters", role: "search", onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(form);
    navigate(link({ view: "place", q: data.get("q").trim(), scheme: data.get("scheme") }));
  } },
    field("place-q", "Tên địa phương", h("input", { id: "place-q", name: "q", type: "search", value: q, placeholder: "Ninh Thuận, Bạch Thông…" })),
    field("place-scheme", "Bản đồ", schemeSelect("place-scheme", scheme)),
    h("button", { type: "submit" }, "Tìm"));
  return h("section", null, h("h1", { tabindex: -1 }, q ? `Địa phương “${q}”` : `Các tỉnh, thành phố (${SCHEMES[scheme]})`), form,
    page.data.length ? h("ul", { class: "links columns" }, page.data.map((p) => h("li", null, placeLink(p), p.level === "province" ? "" : ` · ${p.type_vi || LEVELS[p.level]}`)))
      : h("p", null, "Không tìm thấy."));
}
function schemeSelect(id, scheme) {
  return h("select", { id, name: "scheme" }, ["2025", "2024"].map((k) => h("option", { value: k, selected: k === scheme }, SCHEMES[k])));
}

/** The metric's series at the place: its own values and its parts', told apart. */
async function seriesChart(place, chosen) {
  const data = await api(`/localities/${encodeURIComponent(place.id)}/metrics/${encodeURIComponent(chosen.metric)}/series?unit=${chosen.unit}`);
  const own = data.own.map((p) => ({ ...p, x: periodPosition(p.period), own: true, where: data.locality.name }));
  const parts = data.ground.map((g) => ({ ...g, value: g.median, x: periodPosition(g.period), own: false,
    where: `${g.units} đơn vị trên địa bàn (trung vị; ${formatValue(g.low, data.unit)} – ${formatValue(g.high, data.unit)})` }));
  const points = [...own, ...parts].filter((p) => p.x !== null);
  const unit = UNITS[data.unit] ?? data.unit ?? "";
  const caption = `${chosen.name_vi} ở ${place.name}, ${unit || "số"}`;
  if (!points.length) return h("p", null, "Không có giá trị nào có kỳ báo cáo.");
  return h("figure", { class: "chart" },
    drawChart(points, caption),
    h("figcaption", null, caption, data.direction && data.direction !== "level" ? ` — mức ${DIRECTIONS[data.direction]}` : ""),
    h("p", { class: "legend" }, h("span", { class: "key own" }, "●"), " số liệu của chính địa phương  ", h("span", { class: "key part" }, "○"), " trung vị của các đơn vị trên địa bàn"),
    h("details", null, h("summary", null, "Bảng số liệu"), h("div", { class: "table-wrap" }, h("table", null,
      h("thead", null, h("tr", null, ["Kỳ", "Giá trị", "Của", "Nguồn"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, [...points].sort((a, b) => a.x - b.x).map((p) => h("tr", null,
        h("td", null, formatPeriod(p.period)), h("td", { class: "num" }, formatValue(p.value, data.unit)),
        h("td", null, p.own ? "chính địa phương" : p.where),
        h("td", null, p.figure ? navLink({ article: p.figure.article_id, figure: p.figure.indicator_id }, p.figure.article_title || "bài viết") : `${p.count} số liệu`))))))));
}

function drawChart(points, label) {
  const W = 640, H = 280, L = 56, R = 16, T = 16, B = 36;
  let [x0, x1] = [Math.min(...points.map((p) => p.x)), Math.max(...points.map((p) => p.x))];
  if (x1 - x0 < 1) { x0 -= 0.5; x1 += 0.5; }
  let [y0, y1] = [Math.min(0, ...points.map((p) => p.value)), Math.max(0, ...points.map((p) => p.value))];
  if (y1 === y0) y1 = y0 + 1;
  [y0, y1] = niceRange(y0, y1, 5);
  const X = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const Y = (y) => T + (1 - (y - y0) / (y1 - y0)) * (H - T - B);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": label, class: "chart-svg" });
  for (const t of niceTicks(y0, y1, 5)) {
    svg.append(s("line", { x1: L, x2: W - R, y1: Y(t), y2: Y(t), class: "grid" }),
      s("text", { x: L - 6, y: Y(t) + 4, "text-anchor": "end", class: "tick" }, numberFormat.format(t)));
  }
  const step = Math.max(1, Math.ceil((Math.floor(x1) - Math.ceil(x0) + 1) / 8));
  for (let year = Math.ceil(x0); year <= x1; year += step) {
    svg.append(s("line", { x1: X(year), x2: X(year), y1: H - B, y2: H - B + 5, class: "axis" }),
      s("text", { x: X(year + 0.5 <= x1 ? year + 0.5 : year), y: H - B + 20, "text-anchor": "middle", class: "tick" }, String(year)));
  }
  svg.append(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  const own = points.filter((p) => p.own).sort((a, b) => a.x - b.x);
  if (own.length > 1) svg.append(s("polyline", { points: own.map((p) => `${X(p.x)},${Y(p.value)}`).join(" "), class: "line" }));
  for (const p of [...points].sort((a, b) => a.own - b.own)) {
    const dot = s("circle", { cx: X(p.x), cy: Y(p.value), r: p.own ? 5 : 4, class: p.own ? "dot own" : "dot part" },
      s("title", null, `${p.where}, ${formatPeriod(p.period)}: ${numberFormat.format(p.value)}`));
    svg.append(p.figure ? s("a", { href: link({ article: p.figure.article_id, figure: p.figure.indicator_id }), "data-nav": true, "aria-label": `${p.where}, ${formatPeriod(p.period)}: ${numberFormat.format(p.value)}` }, dot) : dot);
  }
  return svg;
}
/** The range widened to whole ticks, so that no value lies beyond the axis. */
function niceRange(lo, hi, count) {
  const step = niceStep(lo, hi, count);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}
function niceStep(lo, hi, count) {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw);
}
function niceTicks(lo, hi, count) {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((st) => st >= raw);
  const ticks = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step / 1e6; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

// ---------- a metric across provinces ----------

async function compareView(params) {
  const catalogue = await metrics();
  const metric = params.get("metric") || (catalogue.find((m) => m.key === "poverty_rate") || catalogue[0] || {}).key;
  if (!metric) return h("section", null, h("h1", { tabindex: -1 }, "So sánh"), h("p", null, "Chưa có chỉ số nào."));
  const ask = (scheme) => {
    const query = new URLSearchParams({ scheme, level: "province" });
    for (const key of ["year", "period_kind"]) if (params.get(key)) query.set(key, params.get(key));
    return api(`/metrics/${encodeURIComponent(metric)}/localities?` + query);
  };
  // Opened without a map: the current map, or the earlier one when only it has values.
  let scheme = params.get("scheme") || "2025";
  let data = await ask(scheme);
  let switched = false;
  if (!params.get("scheme") && data.reported === 0) {
    const earlier = await ask("2024");
    if (earlier.reported > 0) [scheme, data, switched] = ["2024", earlier, true];
  }
  const form = h("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const f = new FormData(form);
    navigate(link({ view: "compare", metric: f.get("metric"), scheme: f.get("scheme"), period_kind: f.get("period_kind"), year: f.get("year") }));
  } },
    field("cmp-metric", "Chỉ số", metricSelect("cmp-metric", catalogue, metric)),
    field("cmp-scheme", "Bản đồ", schemeSelect("cmp-scheme", scheme)),
    field("cmp-kind", "Loại kỳ", h("select", { id: "cmp-kind", name: "period_kind" },
      h("option", { value: "" }, `phổ biến nhất (${PERIOD_KINDS[data.period_kind] || "—"})`),
      Object.entries(PERIOD_KINDS).map(([k, v]) => h("option", { value: k, selected: k === params.get("period_kind") }, v)))),
    field("cmp-year", "Năm (trống: mới nhất)", h("input", { id: "cmp-year", name: "year", type: "number", min: 1990, max: 2100, value: params.get("year") || "" })),
    h("button", { type: "submit" }, "Xem"));
  const rows = [...data.data].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const unit = data.unit;
  const name = data.metric.name_vi;
  const kind = PERIOD_KINDS[data.period_kind];
  const left = data.left_out.map((l) => (LEFT_OUT[l.reason] || ((x) => `${x.count} giá trị`))(l));
  const other = scheme === "2025" ? "2024" : "2025";
  return h("section", { class: "compare" },
    h("h1", { tabindex: -1 }, `${name} theo tỉnh, thành phố`),
    form,
    switched ? h("p", { class: "note" }, `Chưa tỉnh, thành phố nào trên ${SCHEMES[2025]} có số liệu về chỉ số này; đang xem ${SCHEMES[2024]}.`) : null,
    h("p", { class: "count", role: "status" }, `${data.reported} trên ${data.data.length} tỉnh, thành phố có số liệu (${SCHEMES[scheme]}`,
      kind ? `, so sánh theo ${kind}` : "", ")",
      unit ? `; đơn vị: ${UNITS[unit] || unit}` : "", data.direction && data.direction !== "level" ? `; mức ${DIRECTIONS[data.direction]}` : "",
      left.length ? `. Không đưa vào so sánh: ${left.join("; ")}.` : "."),
    data.reported === 0 ? h("p", { class: "empty" },
      data.left_out.length ? "Các giá trị có được đo khác hoặc theo loại kỳ khác: chọn loại kỳ khác để xem. "
        : `Chưa có bài viết nào báo cáo chỉ số này cho cấp tỉnh trên ${SCHEMES[scheme]}. `,
      navLink({ view: "compare", metric, scheme: other }, `Xem ${SCHEMES[other]}`)) : null,
    h("div", { class: "compare-grid" },
      h("figure", { class: "map" }, drawMap(rows, unit, name), h("figcaption", null, `${name}: diện tích hình tròn tỉ lệ với giá trị`,
        rows.length && rows[0].value !== null ? ` (lớn nhất: ${formatValue(Math.max(...rows.filter((r) => r.value !== null).map((r) => Math.abs(r.value))), unit)})` : "",
        "; chấm xám: chưa có số liệu.")),
      h("div", { class: "table-wrap" }, h("table", { class: "ranking" },
        h("caption", null, "Xếp theo giá trị, cao nhất trước"),
        h("thead", null, h("tr", null, ["#", "Tỉnh, thành phố", "Giá trị", "Kỳ", "Nguồn"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", null, rows.map((r, i) => h("tr", null,
          h("td", { class: "num" }, r.value === null ? "" : String(i + 1)),
          h("th", { scope: "row" }, navLink({ place: r.locality.id, metric }, r.locality.name)),
          h("td", { class: "num" }, r.value === null ? "—" : formatValue(r.value, unit)),
          h("td", null, r.period ? formatPeriod(r.period) : ""),
          h("td", null, r.figure ? navLink({ article: r.figure.article_id, figure: r.figure.indicator_id }, "bài viết") : "")))))))); 
}

/** Proportional symbols at the gazetteer's coordinates, on an equirectangular projection. */
function drawMap(rows, unit, label) {
  const placed = rows.filter((r) => r.locality.lat !== null && r.locality.lon !== null);
  const W = 360, H = 620, pad = 24;
  const lats = placed.map((r) => r.locality.lat), lons = placed.map((r) => r.locality.lon);
  const [la0, la1, lo0, lo1] = [Math.min(...lats, 8.5), Math.max(...lats, 23.4), Math.min(...lons, 102.1), Math.max(...lons, 109.5)];
  const k = Math.cos(((la0 + la1) / 2) * Math.PI / 180);
  const scale = Math.min((W - 2 * pad) / ((lo1 - lo0) * k), (H - 2 * pad) / (la1 - la0));
  const X = (lon) => pad + (lon - lo0) * k * scale, Y = (lat) => pad + (la1 - lat) * scale;
  const max = Math.max(...placed.map((r) => Math.abs(r.value ?? 0)), 0) || 1;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `Bản đồ: ${label}`, class: "map-svg" });
  for (let lat = Math.ceil(la0 / 2) * 2; lat <= la1; lat += 2) {
    svg.append(s("line", { x1: 0, x2: W, y1: Y(lat), y2: Y(lat), class: "graticule" }), s("text", { x: 2, y: Y(lat) - 2, class: "tick" }, `${lat}°B`));
  }
  for (const r of [...placed].sort((a, b) => Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0))) {
    const has = r.value !== null;
    const radius = has ? Math.max(2.5, 22 * Math.sqrt(Math.abs(r.value) / max)) : 2.5;
    const text = `${r.locality.name}: ${has ? formatValue(r.value, unit) + " (" + formatPeriod(r.period) + ")" : "chưa có số liệu"}`;
    svg.append(s("a", { href: link({ place: r.locality.id }), "data-nav": true, "aria-label": text },
      s("circle", { cx: X(r.locality.lon), cy: Y(r.locality.lat), r: radius, class: has ? (r.value < 0 ? "symbol negative" : "symbol") : "symbol empty" },
        s("title", null, text))));
  }
  return svg;
}

render();
