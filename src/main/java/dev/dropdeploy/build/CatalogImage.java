package dev.dropdeploy.build;

/**
 * One line of {@code images/catalog.tsv}.
 *
 * @param name the logical name code asks for ({@code postgres}, {@code node}, ...)
 * @param production the pinned Docker Hub image used where a registry is reachable
 * @param offline the {@code dropdeploy/} tag that the offline recipe builds from Debian packages
 * @param recipe the folder under {@code images/recipes/} holding that recipe
 */
public record CatalogImage(String name, String production, String offline, String recipe) {}
