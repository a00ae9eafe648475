package dev.dropdeploy.detect;

/**
 * Shell commands run inside the image, each {@code null} when the stack needs none.
 *
 * @param install installs dependencies from the manifests and lockfiles only (cacheable layer)
 * @param build builds the app after the source is copied
 * @param start starts the server; listens on {@code $PORT} where the framework allows
 */
public record Commands(String install, String build, String start) {}
