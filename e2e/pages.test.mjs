// Octavo's pages in headless Chromium (Debian's package, driven by playwright-core): math is
// typeset, code highlighted, no console errors, nothing requested from another origin. Saves
// light and dark screenshots under docs/screenshots/.
//
//   OCTAVO_URL=http://localhost:8080 OCTAVO_TOKEN=... node --test e2e/pages.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const base = process.env.OCTAVO_URL ?? "http://localhost:8080";
const token = process.env.OCTAVO_TOKEN;
const shots = process.env.SCREENSHOTS ?? "docs/screenshots";
const origin = new URL(base).origin;
let browser;
// TeX that would build a page-covering phishing link if MathJax honoured \href and \style (issue 14).
const INJECTION = "\\href{https://evil.example}{\\style{position:fixed;top:0;left:0;width:100%;height:100%}{X}}";

async function create(post) {
  const response = await fetch(`${base}/api/posts`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(post),
  });
  assert.ok([201, 409].includes(response.status), `create ${post.slug}: ${response.status} ${await response.text()}`);
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  await create({
    slug: "math-and-code-in-the-browser", title: "Math and Code in the Browser", tags: ["math", "gpu"],
    published_at: "2026-11-20T09:00:00Z",
    markdown: [
      "Euler's identity $e^{i\\pi} + 1 = 0$ and a sum $\\sum_{k=1}^n k = \\frac{n(n+1)}{2}$ set inline.",
      "", "<!-- more -->", "", "## Display math", "",
      "$$", "\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}", "$$", "",
      "## Code", "", "```python", "def mean(xs):", "    return sum(xs) / len(xs)", "```", "",
      "```cython", "cdef int square(int x):", "    return x * x", "```", "",
      "```cuda", "__global__ void saxpy(int n, float a, float *x, float *y) {",
      "  int i = blockIdx.x * blockDim.x + threadIdx.x;", "  if (i < n) y[i] = a * x[i] + y[i];", "}", "```", "",
      "```bash", "curl -s localhost:8080/api/posts | jq '.items[].title'", "```", "",
      "```javascript", "const total = [1, 2, 3].reduce((a, b) => a + b, 0);", "```", "",
      "| method | rate |", "|---|---|", "| gradient descent | $O(1/T)$ |",
    ].join("\n"),
  });
  await create({ slug: "a-second-post", title: "A Second Post", markdown: "Plain prose, *emphasis*, and a [link](/archive).",
    published_at: "2026-11-19T09:00:00Z", tags: ["notes"] });
  await create({ slug: "math-injection", title: "Math Injection", published_at: "2026-11-18T09:00:00Z",
    markdown: `Stored: $${INJECTION}$ and a safe $x^2$.` });
  await create({ slug: "unfinished-draft", title: "Unfinished Draft", markdown: "secret", status: "draft" });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
});

after(async () => browser?.close());

/** Opens a path in a fresh page, recording console errors and requests to other origins. */
async function open(context, path) {
  const page = await context.newPage();
  const errors = [];
  const foreign = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("response", (answer) => { if (answer.status() >= 400 && answer.url() !== base + path) errors.push(`${answer.status()} ${answer.url()}`); });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== origin) foreign.push(request.url());
  });
  const response = await page.goto(base + path, { waitUntil: "networkidle" });
  return { page, errors, foreign, response };
}

for (const scheme of ["light", "dark"]) {
  test(`the index lists published posts with excerpts and Read More links (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1100, height: 1000 } });
    const { page, errors, foreign, response } = await open(context, "/");
    assert.equal(response.status(), 200);
    const titles = await page.locator("article.summary h2").allTextContents();
    assert.ok(titles.includes("Math and Code in the Browser"), titles.join(", "));
    assert.ok(!titles.includes("Unfinished Draft"), "drafts are not listed");
    const more = page.locator('a.more[href="/posts/math-and-code-in-the-browser"]');
    assert.equal(await more.textContent(), "Read More");
    await page.waitForSelector("article.summary mjx-container", { timeout: 15000 });
    await page.screenshot({ path: `${shots}/index-${scheme}.png`, fullPage: true });
    assert.deepEqual(errors, [], "console errors");
    assert.deepEqual(foreign, [], "requests to other origins");
    await context.close();
  });

  test(`a post shows typeset math and highlighted code (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1100, height: 1000 } });
    const { page, errors, foreign, response } = await open(context, "/posts/math-and-code-in-the-browser");
    assert.equal(response.status(), 200);
    await page.waitForSelector("mjx-container[display=true]", { timeout: 15000 });
    const math = await page.locator(".content mjx-container").count();
    assert.ok(math >= 4, `typeset math elements: ${math}`);
    assert.equal(await page.locator(".content .math").filter({ hasText: "\\(" }).count(), 0, "no raw TeX left");
    for (const language of ["python", "cython", "cuda", "bash", "javascript"]) {
      const block = page.locator(`pre code.language-${language}`).first();
      assert.ok(await block.evaluate((node) => node.classList.contains("hljs")), `${language} highlighted`);
      assert.ok(await block.locator("span[class^=hljs-]").count() > 0, `${language} has highlight spans`);
    }
    assert.equal(await page.locator("nav.toc a").count(), 2);
    await page.screenshot({ path: `${shots}/post-${scheme}.png`, fullPage: true });
    assert.deepEqual(errors, [], "console errors");
    assert.deepEqual(foreign, [], "requests to other origins");
    await context.close();
  });
}

test("a dead link gets the friendly 404 page", async () => {
  const context = await browser.newContext();
  const { page, response } = await open(context, "/posts/no-such-post");
  assert.equal(response.status(), 404);
  assert.match(await page.locator("h1").textContent(), /Nothing here/);
  await context.close();
});

/** Math never makes a link or a style: no <a> to the attacker, no fixed-position element. */
async function assertNoInjection(page) {
  const links = await page.locator('a[href*="evil.example"], [href*="evil.example"]').count();
  assert.equal(links, 0, "no link built from \\href");
  const fixed = await page.evaluate(() => [...document.querySelectorAll("body *")]
    .filter((node) => getComputedStyle(node).position === "fixed").map((node) => node.outerHTML.slice(0, 120)));
  assert.deepEqual(fixed, [], "no fixed-position element built from \\style");
}

test("TeX in a search query typesets without a link or a style", async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, `/search?q=${encodeURIComponent(`\\(${INJECTION}\\)`)}`);
  await page.waitForFunction(() => !window.MathJax || window.MathJax.startup?.promise, null, { timeout: 15000 });
  await page.evaluate(() => window.MathJax?.startup?.promise);
  await assertNoInjection(page);
  assert.deepEqual(errors, [], "console errors");
  await context.close();
});

test("TeX stored in a post typesets without a link or a style", async () => {
  const context = await browser.newContext();
  const { page, errors } = await open(context, "/posts/math-injection");
  await page.evaluate(() => window.MathJax?.startup?.promise);
  assert.ok(await page.locator(".content math, .content mjx-container").count() >= 1, "the math is typeset");
  await assertNoInjection(page);
  assert.deepEqual(errors, [], "console errors");
  await context.close();
});
