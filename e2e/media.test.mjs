// Media in headless Chromium: an SVG carrying <script> runs nothing, whether opened directly (it
// is served with Content-Security-Policy: sandbox) or shown through <img> on a post's page; the
// post's image loads.
//
//   OCTAVO_URL=http://localhost:8080 OCTAVO_TOKEN=... node --test e2e/media.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const base = process.env.OCTAVO_URL ?? "http://localhost:8080";
const token = process.env.OCTAVO_TOKEN;
const evil = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" onload="fetch('/pwned-onload')">
<rect width="120" height="60" fill="teal"/>
<script>document.documentElement.setAttribute("data-pwned", "1"); fetch("/pwned-script");</script>
</svg>`;
let browser;
let svg;

before(async () => {
  const uploaded = await fetch(`${base}/api/media?name=evil.svg`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "image/svg+xml" }, body: evil,
  });
  const body = await uploaded.text();
  assert.ok([200, 201].includes(uploaded.status), `upload: ${uploaded.status} ${body}`);
  svg = JSON.parse(body);
  const post = await fetch(`${base}/api/posts`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ slug: "a-figure", title: "A Figure", published_at: "2019-01-01T09:00:00Z",
      markdown: "The figure:\n\n![teal box](./images/evil.svg)\n" }),
  });
  assert.ok([201, 409].includes(post.status), `create: ${post.status}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
});

after(async () => browser?.close());

/** Opens a path, recording every request the page makes. */
async function open(path) {
  const page = await (await browser.newContext()).newPage();
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  const response = await page.goto(base + path, { waitUntil: "networkidle" });
  return { page, requests, response };
}

test("an SVG with script opened directly runs nothing", async () => {
  const { page, requests, response } = await open(svg.url);
  assert.equal(response.status(), 200);
  assert.match(response.headers()["content-security-policy"], /^sandbox/);
  assert.equal(response.headers()["x-content-type-options"], "nosniff");
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-pwned")), null);
  assert.deepEqual(requests.filter((path) => path.startsWith("/pwned")), []);
});

test("an SVG with script shown through <img> on a post runs nothing, and the image loads", async () => {
  const { page, requests, response } = await open("/posts/a-figure");
  assert.equal(response.status(), 200);
  const img = page.locator('img[alt="teal box"]');
  assert.equal(await img.getAttribute("src"), svg.url);
  assert.equal(await img.getAttribute("loading"), "lazy");
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction((alt) => document.querySelector(`img[alt="${alt}"]`).complete, "teal box");
  assert.equal(await img.evaluate((element) => element.naturalWidth), 120);
  assert.deepEqual(requests.filter((path) => path.startsWith("/pwned")), []);
});
