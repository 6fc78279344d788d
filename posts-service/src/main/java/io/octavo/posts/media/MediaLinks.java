package io.octavo.posts.media;

import io.octavo.common.posts.Post;
import io.octavo.common.render.Rendered;
import io.octavo.posts.store.MediaRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points a rendered post's local images at media items: {@code ![plot](plot.png)},
 * {@code ./images/plot.png} or {@code /assets/img/plot.png} become
 * {@code <img src="/media/{sha256}/plot.png" width height loading="lazy" decoding="async">} when
 * an item has that path (recorded at upload or import) or, failing that, that file name. Images
 * nothing answers become the post's warnings, after the render-service's own. Works on the render-service's sanitised output, whose
 * {@code <img>} tags have double-quoted attributes.
 */
public final class MediaLinks {
  private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");
  private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]*)\"");
  /** A post's column is at most about 800 px wide; narrower screens show images across the viewport. */
  private static final String SIZES = "(max-width: 800px) 100vw, 800px";
  private static final Pattern REMOTE = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*:|//|/media/)");

  private final MediaRepository media;

  public MediaLinks(MediaRepository media) {
    this.media = media;
  }

  /** A rendering with its images linked, the items it shows, and what could not be linked. */
  public record Linked(Rendered rendered, List<Long> mediaIds, JsonArray warnings, List<String> missing) {
  }

  /** {@code rendered} null (render deferred): nothing to link yet. */
  Future<Linked> link(Rendered rendered) {
    return link(rendered, null);
  }

  /** As {@link #link(Rendered)} for the live post at {@code slug}: relative images resolve beside its imported source. */
  public Future<Linked> linkPost(Rendered rendered, String slug) {
    return linkBesideSource(rendered, () -> media.sourceOf(slug));
  }

  /** As {@link #link(Rendered)} for the post with this id (the render job's). */
  public Future<Linked> linkPost(Rendered rendered, long postId) {
    return linkBesideSource(rendered, () -> media.sourceOf(postId));
  }

  /** The post's source is asked for only when it has local images to look up beside it (most writes have none). */
  private Future<Linked> linkBesideSource(Rendered rendered, Supplier<Future<String>> source) {
    return rendered == null || localImages(rendered).isEmpty() ? link(rendered, null)
        : source.get().compose(found -> link(rendered, found));
  }

  /**
   * {@code source}: the post's file in the site it was imported from ({@code content/posts/a/index.md}),
   * or null; a relative image ({@code cover.png}) is looked up beside it first, so two page bundles
   * with a {@code cover.png} each show their own.
   */
  public Future<Linked> link(Rendered rendered, String source) {
    if (rendered == null) {
      return Future.succeededFuture(new Linked(null, List.of(), new JsonArray(), List.of()));
    }
    Set<String> sources = localImages(rendered);
    if (sources.isEmpty()) {
      return Future.succeededFuture(new Linked(rendered, List.of(), renderWarnings(rendered), List.of()));
    }
    Map<String, List<String>> candidates = new java.util.HashMap<>();
    Set<String> paths = new LinkedHashSet<>();
    sources.forEach(src -> {
      candidates.put(src, candidates(src, source));
      paths.addAll(candidates.get(src));
    });
    return media.resolve(new ArrayList<>(paths)).map(found -> {
      Set<Long> ids = new LinkedHashSet<>();
      JsonArray warnings = renderWarnings(rendered);
      Set<String> missing = new LinkedHashSet<>();
      for (String src : sources) {
        MediaRepository.Linked item = pick(found, candidates.get(src));
        if (item != null) {
          ids.add(item.id());
        } else {
          missing.addAll(candidates.get(src));
          warnings.add("image '" + src + "' is not in the media library: upload it (POST /api/media) and the post shows it");
        }
      }
      Rendered linked = new Rendered(rewrite(rendered.html(), found, candidates), rewrite(rendered.excerptHtml(), found, candidates),
          rendered.hasMore(), rendered.toc(), rendered.wordCount(), rendered.rendererVersion(), rendered.warnings());
      return new Linked(linked, new ArrayList<>(ids), warnings, new ArrayList<>(missing));
    });
  }

  /** Remembers which items the stored post shows and what it could not link; the post passes through. */
  public Future<Post> record(Post post, Linked linked) {
    return record(post.slug(), linked).map(post);
  }

  public Future<Void> record(String slug, Linked linked) {
    if (linked.rendered() == null) {
      return Future.succeededFuture(); // not rendered yet: the links are made when it is
    }
    return media.recordPostMedia(slug, linked.mediaIds(), linked.warnings(), linked.missing());
  }

  /** What the render-service itself warned about (a formula it could not typeset, ...) comes first. */
  private static JsonArray renderWarnings(Rendered rendered) {
    return new JsonArray(new ArrayList<Object>(rendered.warnings()));
  }

  /** The local image paths the rendering shows, in order of first appearance. */
  private static Set<String> localImages(Rendered rendered) {
    Set<String> sources = new LinkedHashSet<>();
    collect(rendered.html(), sources);
    collect(rendered.excerptHtml(), sources);
    return sources;
  }

  private static void collect(String html, Set<String> sources) {
    if (html == null) {
      return;
    }
    Matcher img = IMG.matcher(html);
    while (img.find()) {
      Matcher src = SRC.matcher(img.group());
      if (src.find() && isLocal(src.group(1))) {
        sources.add(src.group(1));
      }
    }
  }

  private static String rewrite(String html, Map<String, MediaRepository.Linked> found,
                                Map<String, List<String>> candidates) {
    if (html == null) {
      return null;
    }
    Matcher img = IMG.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 256);
    while (img.find()) {
      String tag = img.group();
      Matcher src = SRC.matcher(tag);
      MediaRepository.Linked item = src.find() && candidates.containsKey(src.group(1))
          ? pick(found, candidates.get(src.group(1))) : null;
      img.appendReplacement(out, Matcher.quoteReplacement(item == null ? tag : linked(tag, src, item)));
    }
    img.appendTail(out);
    return out.toString();
  }

  /** The tag with the item's URL, its size (so nothing jumps while the page loads) and lazy loading. */
  private static String linked(String tag, Matcher src, MediaRepository.Linked item) {
    String withSrc = tag.substring(0, src.start()) + " src=\"" + item.url() + "\"" + tag.substring(src.end());
    StringBuilder extra = new StringBuilder();
    if (item.width() != null && item.height() != null && !withSrc.contains(" width=") && !withSrc.contains(" height=")) {
      extra.append(" width=\"").append(item.width()).append("\" height=\"").append(item.height()).append('"');
    }
    if (ImageVariants.wanted(item.contentType(), item.width(), item.height()) && !withSrc.contains(" srcset=")) {
      extra.append(" srcset=\"");
      for (int width : ImageVariants.WIDTHS) {
        if (width < item.width()) {
          extra.append(item.url()).append("?w=").append(width).append(' ').append(width).append("w, ");
        }
      }
      extra.append(item.url()).append(' ').append(item.width()).append("w\" sizes=\"").append(SIZES).append('"');
    }
    if (!withSrc.contains(" loading=")) {
      extra.append(" loading=\"lazy\" decoding=\"async\"");
    }
    int close = withSrc.endsWith("/>") ? withSrc.length() - 2 : withSrc.length() - 1;
    String head = withSrc.substring(0, close).stripTrailing();
    return head + extra + (withSrc.endsWith("/>") ? " />" : ">");
  }

  private static MediaRepository.Linked pick(Map<String, MediaRepository.Linked> found, List<String> candidates) {
    for (String candidate : candidates) {
      MediaRepository.Linked item = found.get(candidate);
      if (item != null) {
        return item;
      }
    }
    return null;
  }

  static boolean isLocal(String src) {
    return !src.isEmpty() && !src.startsWith("#") && !REMOTE.matcher(src).find();
  }

  /** Beside the post's source first (a relative path), then as {@link #candidates(String)}. */
  static List<String> candidates(String src, String source) {
    List<String> plain = candidates(src);
    int slash = source == null ? -1 : source.lastIndexOf('/');
    String raw = plain.get(0);
    if (source == null || src.startsWith("/") || slash < 0) {
      return plain;
    }
    java.util.Deque<String> parts = new java.util.ArrayDeque<>(List.of(source.substring(0, slash).split("/")));
    for (String part : decodedPath(src).split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    List<String> all = new ArrayList<>();
    all.add(String.join("/", parts));
    plain.stream().filter(candidate -> !all.contains(candidate)).forEach(all::add);
    return raw.isEmpty() ? plain : all;
  }

  /** The path as the site had it ({@code images/plot.png}), then the bare file name. */
  static List<String> candidates(String src) {
    String path = decodedPath(src);
    while (path.startsWith("./") || path.startsWith("../") || path.startsWith("/")) {
      path = path.substring(path.indexOf('/') + 1);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals(path) || name.isEmpty() ? List.of(path) : List.of(path, name);
  }

  /** An {@code src} as a file path: HTML's {@code &amp;} undone, query and fragment cut, percent-escapes decoded. */
  private static String decodedPath(String src) {
    String path = src.replace("&amp;", "&");
    int cut = path.indexOf('?') >= 0 ? path.indexOf('?') : path.indexOf('#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path; // a stray % : look the path up as written
    }
  }
}
