// The explorer in a real browser: headless Chromium, driven by playwright-core, against a
// running test instance on the seeded store. Run by .ci/browser:
//   node tests/browser/explorer.cjs http://127.0.0.1:PORT target/explorer-screenshots
// Fails (exit 1) on the first broken step, on any console error, or on an API call the
// OpenAPI document does not describe; writes a screenshot of every step.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");

const base = process.argv[2];
const shots = process.argv[3] || "target/explorer-screenshots";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function main() {
  fs.mkdirSync(shots, { recursive: true });
  const spec = await (await fetch(`${base}/openapi.json`)).json();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  const problems = [];
  const apiCalls = [];
  const watch = (page) => {
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.origin !== base || r.resourceType() === "document" || url.pathname.startsWith("/explorer/")) return;
      apiCalls.push({ method: r.method(), url });
    });
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} from ${r.url()}`));
  };
  const step = async (page, name, check) => {
    await check();
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    console.log(`ok ${name}`);
  };
  try {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
    const page = await desktop.newPage();
    watch(page);

    // First view: articles newest first; its weight, compressed, as sent.
    const sizes = [];
    page.on("response", async (r) => sizes.push(r.request().sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    const started = Date.now();
    await page.goto(base + "/");
    await page.locator("ol.articles li").first().waitFor();
    const firstView = Date.now() - started;
    const weight = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    console.log(`first view: ${(weight / 1024).toFixed(1)} KB over the wire, articles listed after ${firstView} ms`);
    assert.ok(weight < 200 * 1024, `first view weighs ${weight} bytes`);
    await step(page, "01-articles", async () => {
      assert.equal(await page.locator("html").getAttribute("lang"), "vi");
      assert.equal(await page.locator("nav a[aria-current=page]").textContent(), "Bài viết");
      await labelled(page);
    });

    // Search without accents, then narrow to a place typed loosely.
    await page.fill("#q", "dan van");
    await page.click("form[role=search] button[type=submit]");
    await arrive(page, /q=dan\+van/);
    await step(page, "02-search", async () => {
      await page.locator("ol.articles li").first().waitFor();
      assert.match(await page.locator("h1").textContent(), /dan van/);
    });
    const results = await page.locator("ol.articles li").count();
    await page.fill("#locality", "bac kan");
    await page.click("form[role=search] button[type=submit]");
    await arrive(page, /locality=/);
    await page.locator("ol.articles li").first().waitFor();
    assert.ok((await page.locator("ol.articles li").count()) <= results);
    assert.match(await page.inputValue("#locality"), /Bắc Kạn/);

    // An article: figures highlighted at their offsets; one chosen shows its card.
    await page.locator("ol.articles li h2 a").first().click();
    await arrive(page, /article=/);
    await step(page, "03-article", async () => {
      const figures = page.locator("button.fig");
      await figures.first().waitFor();
      assert.ok((await figures.count()) >= 3);
      const shown = (await figures.first().textContent()).trim();
      await figures.first().click();
      await arrive(page, /figure=/);
      const card = page.locator(".figure-detail .card");
      await card.waitFor();
      assert.ok((await card.locator(".value").textContent()).length > 0);
      assert.match(await card.locator("blockquote").textContent(), new RegExp(escape(shown.split(/\s/)[0])));
      assert.equal(await figures.first().getAttribute("aria-pressed"), "true");
      // The table of figures tells rows apart: label, direction and period beside the metric.
      const heads = await page.locator(".figure-list thead th").allTextContents();
      for (const h of ["Giá trị", "Nội dung", "Chỉ số", "Chiều", "Kỳ"]) assert.ok(heads.includes(h), `no column ${h}: ${heads}`);
      const rows = page.locator(".figure-list tbody tr");
      const labels = await rows.locator("td:nth-child(2)").allTextContents();
      assert.ok(labels.filter((l) => l !== "—").length >= 3, `labels: ${labels}`);
      const directions = new Set(await rows.locator("td:nth-child(4)").allTextContents());
      for (const d of directions) assert.ok(["tăng", "giảm", "mức"].includes(d), `direction ${d}`);
    });

    // The keyboard reaches a figure and shows it.
    await page.reload();
    await page.locator("button.fig").first().waitFor();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement.classList.contains("fig"));
    }
    assert.ok(reached, "Tab never reached a figure");
    await page.locator(".figure-detail .card").waitFor();

    // The back button returns to the search, its words still in the form.
    await page.goBack();
    await page.goBack();
    await arrive(page, (u) => !u.searchParams.has("article"));
    await page.locator("ol.articles li").first().waitFor();
    assert.equal(await page.inputValue("#q"), "dan van");

    // A place, reached from a figure: its summary and a chart of a series.
    await page.goForward();
    await page.goForward();
    await arrive(page, /article=/);
    await page.locator("button.fig").first().click();
    await page.locator(".figure-detail .card a", { hasText: "Chuỗi thời gian" }).click();
    await arrive(page, /place=/);
    await step(page, "04-place", async () => {
      await page.locator(".chart-svg").waitFor();
      assert.ok((await page.locator(".chart-svg circle").count()) >= 1);
      // The value axis reaches the largest value of the series.
      const vi = (t) => Number(t.replace(/[^0-9,.-]/g, "").replace(/\./g, "").replace(",", "."));
      const ticks = (await page.locator(".chart-svg text.tick[text-anchor=end]").allTextContents()).map(vi);
      const values = (await page.locator(".chart table td.num").allTextContents()).map(vi);
      assert.ok(values.length >= 1 && Math.max(...ticks) >= Math.max(...values), `ticks ${ticks} below values ${values}`);
      // The picker says what its counts are.
      assert.match(await page.locator("#series-metric option").first().textContent(), /của chính địa phương/);
      assert.ok((await page.locator(".stat").count()) >= 3);
      assert.ok((await page.locator("ol.articles li").count()) >= 1);
    });

    // The comparison opens on a view with values: on the seeded store only the earlier map
    // has a province's poverty rate, so its 63 provinces, saying why; the 2025 map's 34 say
    // why they are empty.
    await page.click("nav a[data-view=compare]");
    await arrive(page, /view=compare/);
    await step(page, "05-compare-opens-with-data", async () => {
      await page.locator(".map-svg").waitFor();
      assert.equal(await page.locator(".map-svg circle").count(), 63);
      assert.equal(await page.locator("table.ranking tbody tr").count(), 63);
      assert.match(await page.locator("p.note").textContent(), /đang xem bản đồ trước/);
      assert.match(await page.locator("p.count").textContent(), /^[1-9]\d* trên 63 .*so sánh theo năm/);
      assert.doesNotMatch(await page.locator("h1").textContent(), /[Rr]ate|Poverty/);
    });
    await page.selectOption("#cmp-scheme", "2025");
    await page.click("form.filters button[type=submit]");
    await arrive(page, /scheme=2025/);
    await step(page, "06-compare-2025-empty", async () => {
      await page.waitForFunction(() => document.querySelectorAll(".map-svg circle").length === 34);
      assert.equal(await page.locator("table.ranking tbody tr").count(), 34);
      assert.match(await page.locator("p.empty").textContent(), /Xem bản đồ trước/);
    });
    await page.locator("p.empty a").click();
    await arrive(page, /scheme=2024/);
    await page.waitForFunction(() => document.querySelectorAll(".map-svg circle").length === 63);
    await page.locator("table.ranking tbody th a").first().click();
    await arrive(page, /place=/);
    await page.locator(".stat").first().waitFor();

    // A province chosen from the list of the 2025 map.
    await page.click("nav a[data-view=place]");
    // The chooser's own heading: the place page it replaces has lists of links too.
    await page.locator("h1", { hasText: "Các tỉnh, thành phố" }).waitFor();
    assert.equal(await page.locator("ul.links li").count(), 34);

    // A phone's width: nothing wider than the screen.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    watch(small);
    await small.goto(page.url().replace(/\?.*$/, "") + "?view=compare");
    await small.locator(".map-svg").waitFor();
    await small.goto(base + "/");
    await small.locator("ol.articles li h2 a").first().click();
    await step(small, "07-phone-article", async () => {
      await small.locator("button.fig").first().waitFor();
      const width = await small.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `page is ${width}px wide on a 390px screen`);
    });

    // Every API call the page made is one the OpenAPI document describes.
    for (const { method, url } of apiCalls) {
      const op = operation(spec, method, url.pathname);
      assert.ok(op, `${method} ${url.pathname} is not in the OpenAPI document`);
      const known = new Set((op.parameters || []).map((p) => p.name));
      for (const key of url.searchParams.keys()) assert.ok(known.has(key), `${url.pathname} has no parameter ${key}`);
    }
    console.log(`ok ${apiCalls.length} API calls, each described by the OpenAPI document`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
}

/** Waits for the address to match and the page to be drawn for it. */
async function arrive(page, url) {
  await page.waitForURL(url);
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** Every form control has a label a screen reader reads; every drawing has a name. */
async function labelled(page) {
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input, select")]
    .filter((el) => !el.labels.length && !el.getAttribute("aria-label")).map((el) => el.id || el.name));
  assert.deepEqual(unlabelled, []);
}

function operation(spec, method, pathname) {
  for (const [template, item] of Object.entries(spec.paths)) {
    const pattern = new RegExp("^" + template.replace(/\{[^}]+\}/g, "[^/]+") + "$");
    if (pattern.test(pathname) && item[method.toLowerCase()]) return item[method.toLowerCase()];
  }
  return null;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
