package dev.dropdeploy.detect;

/**
 * Why a decision was made.
 *
 * @param decision what was decided, for example {@code framework}, {@code port}, {@code startCommand}
 * @param file the file that decided it, relative to the project root, or {@code null} for a framework default
 * @param line the 1-based line in that file, or 0 when the whole file decided it
 * @param reason plain words, for example {@code "FastAPI() object 'app' defined here"}
 */
public record Evidence(String decision, String file, int line, String reason) {}
