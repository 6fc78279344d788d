package io.octavo.gateway.site.pages;

import io.octavo.common.posts.Post;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a post's page shows beyond the post: its body without a leading {@code # Title} the page
 * already shows, and what link previews and search engines read (description, image, JSON-LD).
 *
 * @param body the post's HTML, minus a first {@code <h1>} that repeats the title
 * @param description the post's description, else the excerpt as plain text
 * @param image the first image's absolute URL, or null
 * @param jsonLd a schema.org {@code BlogPosting}, safe to put inside a {@code <script>} element
 * @param math whether the page needs MathJax for a formula the server could not typeset
 * @param code whether the page shows a code block (and loads highlight.js)
 */
public record PostView(Post post, String body, String description, String image, String jsonLd, boolean math,
                       boolean code) {
  private static final int DESCRIPTION_MAX = 200;

  public static PostView of(Post post, Site site) {
    String html = post.html() == null ? "" : post.html();
    String description = description(post);
    Document parsed = Jsoup.parseBodyFragment(html); // once, for the image and the title
    String image = image(parsed, site);
    return new PostView(post, RepeatedTitle.cut(html, post.title(), parsed), description, image,
        jsonLd(post, site, description, image), MathFallback.needed(html), Highlighting.needed(html));
  }

  /** The excerpt's words: math as its TeX, no markup; cut at a word near 200 characters. */
  public static String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document document = Jsoup.parseBodyFragment(html);
    for (Element math : document.select("math")) {
      Element tex = math.selectFirst("annotation");
      math.replaceWith(new org.jsoup.nodes.TextNode(tex == null ? math.text() : tex.text()));
    }
    document.select("sup.footnote-ref, .footnotes").remove();
    return cut(document.body().text());
  }

  private static String description(Post post) {
    if (post.description() != null && !post.description().isBlank()) {
      return cut(post.description().strip());
    }
    String excerpt = plainText(RepeatedTitle.cut(post.excerptHtml(), post.title()));
    return excerpt.isEmpty() ? post.title() : excerpt;
  }

  private static String cut(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= DESCRIPTION_MAX) {
      return flat;
    }
    int space = flat.lastIndexOf(' ', DESCRIPTION_MAX - 1);
    return flat.substring(0, space > DESCRIPTION_MAX / 2 ? space : DESCRIPTION_MAX - 1) + "…";
  }

  private static String image(Document body, Site site) {
    Element img = body.selectFirst("img[src]");
    if (img == null) {
      return null;
    }
    String src = img.attr("src");
    if (src.startsWith("https://") || src.startsWith("http://")) {
      return src;
    }
    return src.startsWith("/") && !src.startsWith("//") ? site.baseUrl() + src : null;
  }

  private static String jsonLd(Post post, Site site, String description, String image) {
    String url = site.baseUrl() + "/posts/" + post.slug();
    Object author = post.meta() == null ? null : post.meta().getValue("author");
    JsonObject json = new JsonObject()
        .put("@context", "https://schema.org")
        .put("@type", "BlogPosting")
        .put("headline", post.title())
        .put("description", description)
        .put("url", url)
        .put("mainEntityOfPage", url)
        .put("datePublished", post.publishedAt())
        .put("dateModified", post.updatedAt())
        .put("author", new JsonObject().put("@type", "Person")
            .put("name", author instanceof String name && !name.isBlank() ? name : site.title()))
        .put("publisher", new JsonObject().put("@type", "Organization").put("name", site.title()))
        .put("keywords", new JsonArray(post.tags()))
        .put("wordCount", post.wordCount());
    if (image != null) {
      json.put("image", image);
    }
    // "</script>" or "<!--" in a title must not end the element: < > & as JSON escapes
    return json.encode().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
