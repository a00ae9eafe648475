package dev.dropdeploy.deploy;

import java.time.Instant;
import java.util.UUID;

/** @param phase {@code detect}, {@code build}, {@code start}, {@code route} or {@code result} */
public record LogLine(UUID deploymentId, String phase, String line, Instant at) {}
