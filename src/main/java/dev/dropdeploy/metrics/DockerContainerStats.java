package dev.dropdeploy.metrics;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code GET /containers/{id}/stats?stream=false} (the engine waits about a second to fill in its previous CPU
 * reading) and the restart count from inspect.
 */
@Component
class DockerContainerStats implements ContainerStats {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final Clock clock;

    DockerContainerStats(DockerClient docker, Clock clock) {
        this.docker = docker;
        this.clock = clock;
    }

    @Override
    public Optional<ContainerReading> read(String containerId) {
        try {
            Statistics stats = statistics(containerId);
            Integer restarts = docker.inspectContainerCmd(containerId).exec().getRestartCount();
            return Optional.of(reading(stats, restarts == null ? 0 : restarts));
        } catch (RuntimeException | TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Statistics statistics(String containerId)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Statistics> first = new CompletableFuture<>();
        try (ResultCallback.Adapter<Statistics> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics stats) {
                first.complete(stats);
            }

            @Override
            public void onError(Throwable error) {
                first.completeExceptionally(error);
            }
        }) {
            docker.statsCmd(containerId).withNoStream(true).exec(callback);
            return first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.io.IOException e) {
            throw new ExecutionException(e);
        }
    }

    private ContainerReading reading(Statistics stats, int restarts) {
        long rx = 0;
        long tx = 0;
        Map<String, StatisticNetworksConfig> networks = stats.getNetworks();
        if (networks != null) {
            for (StatisticNetworksConfig network : networks.values()) {
                rx += orZero(network.getRxBytes());
                tx += orZero(network.getTxBytes());
            }
        }
        MemoryStatsConfig memory = stats.getMemoryStats();
        return new ContainerReading(
                clock.instant(),
                cpuNanos(stats.getCpuStats()),
                enginePercent(stats.getCpuStats(), stats.getPreCpuStats()),
                memory == null ? 0 : memoryUsed(memory),
                memory == null ? 0 : orZero(memory.getLimit()),
                rx,
                tx,
                restarts);
    }

    /** As {@code docker stats}: the page cache the kernel may drop at will is not the app's memory. */
    private static long memoryUsed(MemoryStatsConfig memory) {
        long usage = orZero(memory.getUsage());
        StatsConfig details = memory.getStats();
        if (details == null) {
            return usage;
        }
        Long inactive = details.getInactiveFile() != null ? details.getInactiveFile() : details.getTotalInactiveFile();
        return inactive != null && inactive < usage ? usage - inactive : usage;
    }

    private static long cpuNanos(CpuStatsConfig cpu) {
        return cpu == null || cpu.getCpuUsage() == null
                ? 0
                : orZero(cpu.getCpuUsage().getTotalUsage());
    }

    /** The share of one CPU, as {@code docker stats}: container time over system time, times the CPUs online. */
    private static Double enginePercent(CpuStatsConfig now, CpuStatsConfig before) {
        if (now == null || before == null || now.getSystemCpuUsage() == null || before.getSystemCpuUsage() == null) {
            return null;
        }
        long system = now.getSystemCpuUsage() - before.getSystemCpuUsage();
        long container = cpuNanos(now) - cpuNanos(before);
        long cpus = orZero(now.getOnlineCpus());
        if (system <= 0 || container < 0 || cpus == 0) {
            return null;
        }
        return 100.0 * container / system * cpus;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
