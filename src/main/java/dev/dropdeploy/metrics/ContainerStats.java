package dev.dropdeploy.metrics;

import java.util.Optional;

/** One reading of a container's counters from the engine; our own face over docker-java's stats API. */
interface ContainerStats {

    /** Empty when the container is gone or the engine does not answer in time. */
    Optional<ContainerReading> read(String containerId);
}
