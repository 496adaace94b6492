// How soon the explorer is usable, in headless Chromium: the time from navigation to the
// first list drawn (articles, then a comparison map), and the bytes sent for the first view.
//   NODE_PATH=… node bench/explorer.cjs http://127.0.0.1:8080 [runs]
"use strict";
const { chromium } = require("playwright-core");

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function timed(context, url, selector) {
  const page = await context.newPage();
  const sizes = [];
  page.on("response", (r) => sizes.push(r.request().sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
  const start = Date.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  const ms = Date.now() - start;
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await page.close();
  return { ms, kb: +(bytes / 1024).toFixed(1) };
}

(async () => {
  const [base, runs = "5"] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  const views = [["articles", "/", "ol.articles li"], ["comparison map", "/?view=compare", ".map-svg circle"],
    ["an article", null, "button.fig"], ["a province", "/?place=2025-79", ".stat"]];
  try {
    const first = await (await fetch(`${base}/articles?limit=1`)).json();
    views[2][1] = `/?article=${first.data[0].id}`;
    for (const [name, path, selector] of views) {
      const results = [];
      for (let i = 0; i < +runs; i++) {
        // A fresh context each time: nothing cached in the browser, as for a first visit.
        const context = await browser.newContext();
        results.push(await timed(context, base + path, selector));
        await context.close();
      }
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      console.log(`${name}: median ${ms[ms.length >> 1]} ms, worst ${ms[ms.length - 1]} ms, ${results[0].kb} KB`);
    }
  } finally {
    await browser.close();
  }
})();
