package dev.dropdeploy.build;

/** @param imageId the engine's id ({@code sha256:...}) @param tag the tag it was given */
public record BuiltImage(String imageId, String tag) {}
