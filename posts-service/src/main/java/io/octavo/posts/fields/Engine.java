package io.octavo.posts.fields;

/**
 * The static site generator a site was built with; a bare folder of posts is {@link #PLAIN}. The
 * field table names each engine's front-matter aliases by it; its Markdown is {@code Dialect.of}.
 */
public enum Engine {
  JEKYLL,
  HUGO,
  HEXO,
  PLAIN
}
