package io.octavo.posts.imports;

import io.octavo.common.ServiceFailure;
import io.octavo.common.posts.Post;
import io.octavo.posts.fields.Engine;
import io.octavo.posts.fields.FrontMatter;
import io.octavo.posts.fields.LenientFrontMatter;
import io.octavo.posts.fields.PostField;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A post as a Markdown file with YAML front matter, the export format: every field of
 * {@link PostField} (published_at as {@code date}) and every meta key, then the body. It imports
 * back to the same post ({@link ImportMapper}).
 */
public final class PostFile {
  private PostFile() {
  }

  public static String path(Post post) {
    return "posts/" + post.slug() + ".md";
  }

  public static String content(Post post) {
    FrontMatter.Split stored = storedFrontMatter(post.markdown());
    Map<String, Object> front = new LinkedHashMap<>();
    front.put("title", post.title());
    front.put("slug", post.slug());
    if (post.publishedAt() != null) {
      front.put("date", post.publishedAt());
    }
    front.put("status", post.status() == null ? null : post.status().wire());
    if (!post.tags().isEmpty()) {
      front.put("tags", post.tags());
    }
    if (post.series() != null) {
      front.put("series", post.series());
      if (post.seriesPart() != null) {
        front.put("series_part", post.seriesPart());
      }
    }
    for (PostField field : PostField.TEXT) {
      if (field.stored(post) != null) {
        front.put(field.key(), field.stored(post));
      }
    }
    post.meta().forEach(entry -> front.putIfAbsent(entry.getKey(), plain(entry.getValue())));
    // front matter written in the source through the API: keep keys that are neither fields nor meta
    PostField.meta(stored.fields(), Engine.PLAIN, Set.of())
        .forEach(entry -> front.putIfAbsent(entry.getKey(), plain(entry.getValue())));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(200);
    options.setSplitLines(false);
    return "---\n" + new Yaml(options).dump(front) + "---\n" + stored.body();
  }

  /**
   * The stored source's front matter and body. Markdown the parser refuses now (a key with no name,
   * written before it was refused) is read line by line rather than failing the whole export.
   */
  private static FrontMatter.Split storedFrontMatter(String markdown) {
    try {
      return FrontMatter.split(markdown);
    } catch (ServiceFailure unreadable) {
      return LenientFrontMatter.split(markdown);
    }
  }

  /** JSON values as plain Java maps and lists, which YAML writes naturally. */
  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      Map<String, Object> map = new LinkedHashMap<>();
      object.forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
      return map;
    }
    if (value instanceof JsonArray array) {
      return array.stream().map(PostFile::plain).toList();
    }
    return value;
  }

}
