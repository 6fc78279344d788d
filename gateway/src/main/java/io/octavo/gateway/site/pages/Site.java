package io.octavo.gateway.site.pages;

import io.octavo.common.posts.SlugFormat;

/** What every page shows of the site: its title, description and public base URL. */
public record Site(String title, String description, String baseUrl) {
  /** A post's absolute URL, as feeds and the sitemap give it: its slug percent-encoded. */
  public String postUrl(String slug) {
    return baseUrl + "/posts/" + SlugFormat.urlPath(slug);
  }
}
