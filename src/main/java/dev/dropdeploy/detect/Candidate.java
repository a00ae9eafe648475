package dev.dropdeploy.detect;

/**
 * A stack that was considered.
 *
 * @param directory the candidate app's folder relative to the project root ({@code ""} for the root)
 * @param score 0..1
 * @param reason why it scored what it did
 */
public record Candidate(Stack stack, String framework, String directory, double score, String reason) {}
