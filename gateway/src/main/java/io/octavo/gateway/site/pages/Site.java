package io.octavo.gateway.site.pages;

/** What every page shows of the site: its title, description and public base URL. */
public record Site(String title, String description, String baseUrl) {
}
