package io.octavo.posts.imports;

/** The static site generator a site was built with; a bare folder of posts is {@link #PLAIN}. */
public enum Engine {
  JEKYLL(Dialect.KRAMDOWN),
  HUGO(Dialect.GOLDMARK),
  HEXO(Dialect.PANDOC),
  PLAIN(Dialect.PANDOC);

  private final Dialect dialect;

  Engine(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The Markdown dialect its posts are written in unless a file or the importer says otherwise. */
  public Dialect dialect() {
    return dialect;
  }
}
