package io.octavo.standalone;

import static io.octavo.common.testing.DocumentedHttp.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.octavo.common.posts.SlugFormat;
import io.octavo.common.testing.DocumentedHttp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sites of each engine imported from their root, and the math Octavo stores compared with what
 * the engine itself makes of the same files (kramdown, hugo, pandoc as oracles): same TeX, same
 * inline or display. Also: no post lost, no template syntax on a page, warnings listed, old URLs
 * answer 301, a second import changes nothing.
 *
 * <p>{@code OCTAVO_FIDELITY_SITES=jekyll=/path/site,hugo=/path/site,hexo=/path/site} runs the same
 * measurement on real blogs outside the repository and prints the figures (docs/migrating.md).
 */
class DialectFidelityTest {
  private static final String TOKEN = "fidelity-token";
  private static final Pattern TEMPLATE_SYNTAX = Pattern.compile("\\{%|%\\}|\\{\\{|\\}\\}|\\{:");
  private static Vertx vertx;
  private static TestOctavo octavo;
  private static DocumentedHttp http;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    octavo = TestOctavo.start(DialectFidelityTest.class, Map.of("OCTAVO_ADMIN_TOKEN", TOKEN,
        "OCTAVO_MAX_IMPORT_BYTES", String.valueOf(512L * 1024 * 1024)));
    http = DocumentedHttp.to(vertx, octavo.port());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
    octavo.close();
  }

  /** What one site's import gave, file by file. */
  record Imported(Path root, JsonObject job, Map<String, JsonObject> results, long millis) {
  }

  /** Engine against Octavo for one site. */
  record Fidelity(int posts, int engineSpans, int matched, int octavoSpans, int templateLeaks, List<String> diffs) {
    double percent() {
      return engineSpans == 0 ? 100 : 100.0 * matched / engineSpans;
    }
  }

  @Test
  void aJekyllKramdownSiteKeepsEveryFormulaAsKramdownReadIt() throws Exception {
    String missing = MathOracles.missing("kramdown");
    assumeTrue(missing == null, () -> "skipped: " + missing);
    Imported site = importSite(fixture("jekyll-kramdown"), true);
    assertThat(site.results().get("_posts/2017-08-20-divergence-notes.md").getString("result")).isEqualTo("created");
    assertThat(site.results().get("about.md").getString("result")).isEqualTo("skipped");
    Fidelity fidelity = fidelity(site, "kramdown");
    assertThat(fidelity.diffs()).isEmpty();
    assertThat(fidelity.matched()).isEqualTo(fidelity.engineSpans()).isGreaterThanOrEqualTo(18);
    assertThat(fidelity.templateLeaks()).isZero();

    JsonObject notes = post("divergence-notes");
    assertThat(notes.getJsonArray("tags")).containsExactly("gan", "long-read", "generative-model", "math-heavy");
    assertThat(notes.getString("html")).contains("<code class=\"language-python\">", "href=\"/posts/second-post\"",
        "src=\"/assets/images/KL_JS.png\"").doesNotContain("<h1>");
    assertThat(site.results().get("_posts/2017-08-20-divergence-notes.md").getJsonArray("warnings").encode())
        .contains("'include'", "line 54", "line 12: removed 3 kramdown attribute");
    JsonObject second = site.results().get("_posts/2018-01-01-second-post.md");
    assertThat(second.getJsonArray("warnings").getString(0)).contains("longer than 64 characters");
    assertThat(post("second-post").getJsonArray("tags")).hasSize(2);
    assertThat(post("an-idea").getString("status")).isEqualTo("draft");
    assertThat(get("/blog/2017/08/20/divergence-notes.html").getHeader("location")).isEqualTo("/posts/divergence-notes");

    assertThat(importSite(fixture("jekyll-kramdown"), true).results().values())
        .allSatisfy(result -> assertThat(result.getString("result")).isIn("unchanged", "skipped"));
  }

  @Test
  void aHugoGoldmarkSiteKeepsTheTexMathJaxSawAfterGoldmark() throws Exception {
    String missing = MathOracles.missing("hugo");
    assumeTrue(missing == null, () -> "skipped: " + missing);
    Imported site = importSite(fixture("hugo-goldmark"), true);
    Fidelity fidelity = fidelity(site, "hugo");
    assertThat(fidelity.diffs()).isEmpty();
    assertThat(fidelity.matched()).isEqualTo(fidelity.engineSpans()).isGreaterThanOrEqualTo(8);
    assertThat(fidelity.templateLeaks()).isZero();

    JsonObject kl = post("kl-discrete");
    assertThat(kl.getString("html")).contains("application/x-tex\">D_{\\texttt{KL}}(P | Q)", "<code class=\"language-go\">",
        "src=\"/img/modes.png\"", "href=\"/posts/other\"", "<strong>Markdown</strong>", "id=\"forward-and-reverse\"");
    assertThat(site.results().get("content/posts/kl-discrete.md").getJsonArray("warnings").encode()).contains("'box'");
    assertThat(post("other").getString("status")).isEqualTo("draft");
    assertThat(site.results().get("content/_index.md").getString("result")).isEqualTo("skipped");
    assertThat(get("/old/kl/").getHeader("location")).isEqualTo("/posts/kl-discrete");
    assertThat(get("/posts/kl-discrete/").statusCode()).isIn(200, 301);
  }

  @Test
  void aHexoPandocSiteWithChineseNamesLosesNoPost() throws Exception {
    String missing = MathOracles.missing("pandoc");
    assumeTrue(missing == null, () -> "skipped: " + missing);
    Imported site = importSite(fixture("hexo-pandoc"), true);
    assertThat(site.results()).allSatisfy((path, result) -> {
      if (path.startsWith("source/_posts/")) {
        // "updated" when the real-blog measurement imported the same site path first
        assertThat(result.getString("result")).as(path).isIn("created", "updated");
      }
    });
    Fidelity fidelity = fidelity(site, "pandoc");
    assertThat(fidelity.diffs()).isEmpty();
    assertThat(fidelity.matched()).isEqualTo(fidelity.engineSpans()).isGreaterThanOrEqualTo(20);
    assertThat(fidelity.templateLeaks()).isZero();

    assertThat(site.results().get("source/_posts/傅里叶级数.md").getString("slug")).isEqualTo("傅里叶级数");
    JsonObject twin = site.results().get("source/_posts/笔记/傅里叶级数.md");
    assertThat(twin.getString("slug")).isEqualTo("傅里叶级数-2");
    assertThat(twin.getJsonArray("warnings").encode()).contains("is taken");
    HttpResponse<Buffer> page = get("/posts/" + SlugFormat.urlPath("傅里叶级数"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(post("傅里叶级数").getString("html")).contains("costs $5 and the <span class=\"math inline\">", "application/x-tex\">x</annotation>",
        "<code class=\"language-cpp\">", "src=\"" + SlugFormat.urlPath("傅里叶级数") + "/spectrum.png\"");
    assertThat(post("傅里叶级数-2").getString("html")).contains("href=\"/posts/" + SlugFormat.urlPath("傅里叶级数") + "\"");
    assertThat(post("nul-byte").getString("markdown")).contains("\uFFFD").doesNotContain("\u0000");
    assertThat(get("/2021/03/04/" + SlugFormat.urlPath("傅里叶级数") + "/").getHeader("location"))
        .isEqualTo("/posts/" + SlugFormat.urlPath("傅里叶级数"));

    assertThat(importSite(fixture("hexo-pandoc"), true).results().values())
        .allSatisfy(result -> assertThat(result.getString("result")).isIn("unchanged", "skipped"));
  }

  /** The must-show figures on real blogs outside the repository (see the class comment). */
  @Test
  void realBlogsFromTheirRoots() throws Exception {
    String sites = System.getenv("OCTAVO_FIDELITY_SITES");
    assumeTrue(sites != null && !sites.isBlank(), "set OCTAVO_FIDELITY_SITES=engine=/path,... to measure real blogs");
    for (String entry : sites.split(",")) {
      String[] parts = entry.split("=", 2);
      String oracle = switch (parts[0]) {
        case "jekyll" -> "kramdown";
        case "hugo" -> "hugo";
        default -> "pandoc";
      };
      Imported site = importSite(Path.of(parts[1]), false);
      Fidelity fidelity = fidelity(site, oracle);
      long dropped = site.results().values().stream().filter(r -> r.getString("result").equals("error")).count();
      Imported again = importSite(Path.of(parts[1]), false);
      long changed = again.results().values().stream()
          .filter(r -> !List.of("unchanged", "skipped").contains(r.getString("result"))).count();
      System.out.printf("FIDELITY %s %s: posts=%d errors=%d formulas=%d identical=%d (%.2f%%) octavo=%d"
              + " template-leaks=%d import-ms=%d reimport-not-unchanged=%d reimport-ms=%d counts=%s%n",
          parts[0], parts[1], fidelity.posts(), dropped, fidelity.engineSpans(), fidelity.matched(), fidelity.percent(),
          fidelity.octavoSpans(), fidelity.templateLeaks(), site.millis(), changed, again.millis(),
          site.job().getJsonObject("counts"));
      fidelity.diffs().stream().limit(15).forEach(diff -> System.out.println("  " + diff));
    }
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(DialectFidelityTest.class.getResource("/import-fixtures/" + name).toURI());
  }

  /** Zips the site (all of it, or only Markdown and configuration files), imports it and waits. */
  private static Imported importSite(Path root, boolean everything) throws Exception {
    long started = System.nanoTime();
    HttpResponse<Buffer> accepted = http.send(HttpMethod.POST, "/api/import",
        headers("authorization", "Bearer " + TOKEN, "content-type", "application/zip"), zip(root, everything));
    assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
    String location = accepted.getHeader("location");
    JsonObject job;
    do {
      Thread.sleep(50);
      job = http.get(location, headers("authorization", "Bearer " + TOKEN)).bodyAsJsonObject();
    } while ("running".equals(job.getString("status")));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
    Map<String, JsonObject> results = new LinkedHashMap<>();
    job.getJsonArray("results").forEach(item -> results.put(((JsonObject) item).getString("path"), (JsonObject) item));
    return new Imported(root, job, results, millis);
  }

  private static byte[] zip(Path root, boolean everything) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).filter(file -> everything || keep(root.relativize(file))).sorted().toList();
    }
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(root.relativize(file).toString()));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A real site's sources without its images, themes and build output (images are the media step's). */
  private static boolean keep(Path relative) {
    String path = relative.toString();
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || List.of("node_modules", "_site", "public", "themes", "resources").contains(name)) {
        return false;
      }
    }
    return path.matches("(?i).*\\.(md|markdown|mkd|mdown)$") || path.matches("(.*/)?(_config|hugo|config)\\.(yml|yaml|toml|json)");
  }

  /** Compares the engine's math with Octavo's for every created post of the import. */
  private static Fidelity fidelity(Imported site, String oracle) throws Exception {
    List<String> paths = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    List<String> htmls = new ArrayList<>();
    for (JsonObject result : site.results().values()) {
      if (result.getString("slug") == null || !List.of("created", "updated", "unchanged").contains(result.getString("result"))) {
        continue;
      }
      String source = Files.readString(site.root().resolve(result.getString("path")), StandardCharsets.UTF_8)
          .replace("\r\n", "\n").replace('\u0000', '\uFFFD');
      paths.add(result.getString("path"));
      bodies.add(oracle.equals("hugo") ? withoutShortcodes(body(source)) : body(source));
      htmls.add(post(result.getString("slug")).getString("html", ""));
    }
    List<List<MathOracles.Span>> engine = switch (oracle) {
      case "kramdown" -> MathOracles.kramdown(bodies);
      case "hugo" -> MathOracles.hugo(bodies);
      default -> {
        List<List<MathOracles.Span>> all = new ArrayList<>();
        for (String body : bodies) {
          all.add(MathOracles.pandoc(body));
        }
        yield all;
      }
    };
    int engineSpans = 0;
    int matched = 0;
    int octavoSpans = 0;
    int leaks = 0;
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      List<MathOracles.Span> ours = MathOracles.octavo(htmls.get(i));
      List<MathOracles.Span> theirs = engine.get(i);
      engineSpans += theirs.size();
      octavoSpans += ours.size();
      matched += MathOracles.matched(theirs, ours);
      List<MathOracles.Span> missing = new ArrayList<>(theirs);
      ours.forEach(missing::remove);
      List<MathOracles.Span> extra = new ArrayList<>(ours);
      theirs.forEach(extra::remove);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        diffs.add(paths.get(i) + " engine-only " + missing + " octavo-only " + extra);
      }
      String visible = htmls.get(i).replaceAll("(?s)<pre.*?</pre>|<code.*?</code>|<span class=\"math.*?</span>", "");
      if (TEMPLATE_SYNTAX.matcher(visible).find()) {
        leaks++;
        diffs.add(paths.get(i) + " shows template syntax");
      }
    }
    return new Fidelity(paths.size(), engineSpans, matched, octavoSpans, leaks, diffs);
  }

  private static String body(String source) {
    for (String fence : List.of("---", "+++")) {
      if (source.startsWith(fence + "\n")) {
        int end = source.indexOf("\n" + fence, fence.length());
        if (end < 0 && fence.equals("---")) {
          end = source.indexOf("\n...", 3);
        }
        if (end > 0) {
          int next = source.indexOf('\n', end + 1);
          return next < 0 ? "" : source.substring(next + 1);
        }
      }
    }
    return source;
  }

  private static String withoutShortcodes(String body) {
    return body.replaceAll("(?s)\\{\\{[<%].*?[>%]\\}\\}", "");
  }

  private static HttpResponse<Buffer> get(String path) {
    return http.get(path, headers("accept", "text/html"));
  }

  private static JsonObject post(String slug) {
    String path = "/api/posts/" + SlugFormat.urlPath(slug);
    HttpResponse<Buffer> response = http.get(path, headers("authorization", "Bearer " + TOKEN));
    assertThat(response.statusCode()).as(slug).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

}
