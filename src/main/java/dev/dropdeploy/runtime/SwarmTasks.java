package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a service's tasks say while it starts: the first that ended, and whether every replica runs. */
final class SwarmTasks {

    /** States a task never leaves; a task in one before the app first answered is a failed start. */
    static final Set<TaskState> ENDED = Set.of(TaskState.FAILED, TaskState.REJECTED, TaskState.COMPLETE);

    private final DockerClient docker;

    SwarmTasks(DockerClient docker) {
        this.docker = docker;
    }

    /** @param exitCode the app's exit code, {@code null} when it never ran (rejected: no image on the node, say) */
    record Ended(Integer exitCode, String detail) {}

    Optional<Ended> firstEnded(String serviceId) {
        if (service(serviceId).isEmpty()) {
            return Optional.of(new Ended(null, "the service disappeared while starting"));
        }
        return tasks(serviceId).stream()
                .filter(t ->
                        t.getStatus() != null && ENDED.contains(t.getStatus().getState()))
                .findFirst()
                .map(t -> describe(t.getStatus()));
    }

    static Ended describe(TaskStatus status) {
        Long code = status.getContainerStatus() == null
                ? null
                : status.getContainerStatus().getExitCodeLong();
        String err = status.getErr() == null || status.getErr().isBlank() ? "" : ": " + status.getErr();
        return switch (status.getState()) {
            case REJECTED -> new Ended(null, "a node refused to run it" + err);
            case COMPLETE -> new Ended(0, "exited with code 0");
            default ->
                new Ended(
                        code == null ? null : code.intValue(),
                        "exited with code " + code
                                + (code != null && code == 137 ? " (killed: its memory limit, or a stop)" : ""));
        };
    }

    /**
     * After the first answer, waits until as many tasks run as the service asks for; the answer may have come from one
     * replica while another still pulls its image on a slower node.
     *
     * @return a failed outcome when a task ended or the deadline passed, else the healthy one with the count added
     */
    Optional<HealthOutcome> awaitAllRunning(
            String serviceId, long deadlineNanos, Duration poll, HealthOutcome healthy) {
        while (true) {
            Optional<Ended> ended = firstEnded(serviceId);
            if (ended.isPresent()) {
                return Optional.of(new HealthOutcome(
                        false,
                        ended.get().exitCode(),
                        false,
                        List.of(),
                        ended.get().detail()));
            }
            long wanted = wanted(serviceId);
            long running = tasks(serviceId).stream()
                    .filter(t -> t.getStatus() != null && t.getStatus().getState() == TaskState.RUNNING)
                    .count();
            if (running >= wanted) {
                return Optional.of(new HealthOutcome(
                        true,
                        null,
                        false,
                        List.of(),
                        healthy.detail() + "; " + running + " of " + wanted + " running"));
            }
            if (System.nanoTime() > deadlineNanos) {
                return Optional.of(new HealthOutcome(
                        false, null, false, List.of(), "only " + running + " of " + wanted + " replicas were running"));
            }
            try {
                Thread.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("Interrupted while waiting for the replicas", e);
            }
        }
    }

    /** How many replicas the service asks for (1 when it is gone). */
    long wanted(String serviceId) {
        return service(serviceId)
                .map(s -> s.getSpec().getMode().getReplicated().getReplicas())
                .orElse(1L);
    }

    List<Task> tasks(String serviceId) {
        return docker.listTasksCmd().withServiceFilter(serviceId).exec();
    }

    private Optional<Service> service(String serviceId) {
        try {
            return Optional.of(docker.inspectServiceCmd(serviceId).exec());
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return Optional.empty();
        }
    }
}
