package dev.dropdeploy.build;

/** Turns a catalog name ({@code node}, {@code python}, {@code jre}, ...) into the image reference to build FROM. */
@FunctionalInterface
public interface BaseImages {

    /** @throws IllegalStateException when the engine holds neither the production image nor the offline tag */
    String resolve(String catalogName);
}
