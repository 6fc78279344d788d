// Octavo's pages in headless Chromium (Debian's package, driven by playwright-core): math arrives
// as MathML (no MathJax unless a formula could not be typeset on the server), code is highlighted,
// no console errors, nothing requested from another origin, no serious or critical axe-core
// violation on any kind of page, light and dark. Saves screenshots under docs/screenshots/.
//
//   OCTAVO_URL=http://localhost:8080 OCTAVO_TOKEN=... node --test e2e/pages.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

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
    published_at: "2026-11-19T09:00:00Z", tags: ["notes"], series: "Field Notes", series_part: 1 });
  await create({ slug: "titled-by-its-heading", markdown: "# Titled By Its Heading\n\nThe body, once.",
    published_at: "2026-11-17T09:00:00Z" });
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
  const mathjax = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("response", (answer) => { if (answer.status() >= 400 && answer.url() !== base + path) errors.push(`${answer.status()} ${answer.url()}`); });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== origin) foreign.push(request.url());
    if (url.pathname.includes("/mathjax")) mathjax.push(url.pathname);
  });
  const response = await page.goto(base + path, { waitUntil: "networkidle" });
  return { page, errors, foreign, response, mathjax };
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
    assert.equal(await page.locator('a.more[href="/posts/a-second-post"]').count(), 0, "no Read More when has_more is false");
    assert.ok(await page.locator("article.summary math").count() >= 2, "excerpt math arrives as MathML");
    await page.screenshot({ path: `${shots}/index-${scheme}.png`, fullPage: true });
    assert.deepEqual(errors, [], "console errors");
    assert.deepEqual(foreign, [], "requests to other origins");
    await context.close();
  });

  test(`a post shows typeset math and highlighted code (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1100, height: 1000 } });
    const { page, errors, foreign, response, mathjax } = await open(context, "/posts/math-and-code-in-the-browser");
    assert.equal(response.status(), 200);
    const math = await page.locator(".content math").count();
    assert.ok(math >= 4, `MathML elements: ${math}`);
    assert.equal(await page.locator(".content math[display=block]").count(), 1, "display math is a block");
    assert.equal(await page.locator("merror").count(), 0, "no formula in error");
    assert.equal(await page.locator(".content .math").filter({ hasText: "\\(" }).count(), 0, "no raw TeX left");
    assert.deepEqual(mathjax, [], "no MathJax request when every formula was typeset on the server");
    const height = await page.locator(".content math[display=block]").evaluate((node) => node.getBoundingClientRect().height);
    assert.ok(height > 30, `the integral is drawn as a display formula (${height}px high)`);
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

test("a post that starts with # Title shows its title once", async () => {
  const context = await browser.newContext();
  const { page } = await open(context, "/posts/titled-by-its-heading");
  assert.deepEqual(await page.locator("h1").allTextContents(), ["Titled By Its Heading"]);
  assert.equal(await page.locator(".content").textContent().then((text) => text.trim()), "The body, once.");
  await context.close();
});

// axe-core in the page (CSP bypassed only to inject it): no serious or critical violation.
const audited = ["/", "/posts/math-and-code-in-the-browser", "/tags/math", "/series/Field%20Notes",
  "/search?q=browser", "/archive", "/posts/no-such-post"];
for (const scheme of ["light", "dark"]) {
  test(`axe-core finds no serious or critical violation on any kind of page (${scheme})`, async () => {
    const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1100, height: 1000 } });
    const found = {};
    for (const path of audited) {
      const { page } = await open(context, path);
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] }))
        .violations.filter((violation) => ["serious", "critical"].includes(violation.impact))
        .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`));
      if (violations.length > 0) found[path] = violations;
      await page.close();
    }
    assert.deepEqual(found, {}, "axe violations");
    await context.close();
  });
}

/** Math never makes a link or a style: no <a> to the attacker, no fixed-position element. */
async function assertNoInjection(page) {
  const links = await page.locator('[href*="evil.example"]').count();
  assert.equal(links, 0, "no link built from \\href");
  const fixed = await page.evaluate(() => [...document.querySelectorAll("body *")]
    .filter((node) => getComputedStyle(node).position === "fixed").map((node) => node.outerHTML.slice(0, 120)));
  assert.deepEqual(fixed, [], "no fixed-position element built from \\style");
}

test("TeX in a search query stays text: no MathJax, no link, no style", async () => {
  const context = await browser.newContext();
  const { page, errors, mathjax } = await open(context, `/search?q=${encodeURIComponent(`\\(${INJECTION}\\)`)}`);
  assert.deepEqual(mathjax, [], "the search page loads no MathJax");
  await assertNoInjection(page);
  assert.deepEqual(errors, [], "console errors");
  await context.close();
});

test("a formula the server could not typeset falls back to MathJax with its safe extension", async () => {
  const context = await browser.newContext();
  const { page, errors, mathjax } = await open(context, "/posts/math-injection");
  assert.ok(mathjax.some((path) => path.endsWith("tex-chtml.js")), "this page loads MathJax");
  await page.evaluate(() => window.MathJax?.startup?.promise);
  assert.equal(await page.locator(".content .math > math").count(), 1, "the formula the server typeset is MathML");
  assert.equal(await page.locator(".content mjx-container").count(), 1, "MathJax typesets the one it could not");
  await assertNoInjection(page);
  assert.deepEqual(errors, [], "console errors");
  await context.close();
});
