package io.octavo.posts.imports;

import io.octavo.posts.fields.Engine;
import java.util.function.UnaryOperator;

/**
 * What converters need to know about the file they work on: its engine, the site's base URL (to
 * resolve {@code {{ site.baseurl }}}), the post's title, its path in the site, and how another
 * post's file name becomes the path of its Octavo page (for {@code post_url}, {@code ref}...).
 */
public record Conversion(Engine engine, String baseUrl, String title, String path, UnaryOperator<String> postPath,
                         Warnings warnings) {

  /** The file's name without folder and extension: Hexo's asset folder is named after it. */
  String stem() {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
