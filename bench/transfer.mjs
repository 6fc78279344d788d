// Bytes a reader's browser transfers for one post page (HTML, CSS, JS, fonts: everything the
// page loads, headers included), measured in Chromium through the DevTools protocol with the
// cache disabled. Creates the post from bench/src/main/resources/corpus/math-heavy.md (40 formulas).
//
//   OCTAVO_URL=http://127.0.0.1:8080 OCTAVO_TOKEN=... node bench/transfer.mjs
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("../e2e/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const base = process.env.OCTAVO_URL ?? "http://127.0.0.1:8080";
const markdown = readFileSync(new URL("src/main/resources/corpus/math-heavy.md", import.meta.url), "utf8");

const created = await fetch(`${base}/api/posts`, {
  method: "POST",
  headers: { authorization: `Bearer ${process.env.OCTAVO_TOKEN}`, "content-type": "application/json" },
  body: JSON.stringify({ markdown, slug: "forty-formulas" }),
});
if (![201, 409].includes(created.status)) throw new Error(`create: ${created.status} ${await created.text()}`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Network.enable");
await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
const urls = new Map();
let total = 0;
cdp.on("Network.responseReceived", (event) => urls.set(event.requestId, event.response.url));
cdp.on("Network.loadingFinished", (event) => {
  total += event.encodedDataLength;
  console.log(`${String(event.encodedDataLength).padStart(9)}  ${new URL(urls.get(event.requestId)).pathname}`);
});
await page.goto(`${base}/posts/forty-formulas`, { waitUntil: "networkidle" });
await page.evaluate(() => window.MathJax?.startup?.promise);
await page.waitForTimeout(500);
console.log(`${String(total).padStart(9)}  bytes transferred in all (${(total / 1024).toFixed(1)} KiB)`);
await browser.close();
