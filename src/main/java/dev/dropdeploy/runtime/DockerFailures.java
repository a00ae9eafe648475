package dev.dropdeploy.runtime;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.ConnectException;
import java.net.SocketException;

/** Turns docker-java's exceptions into {@link RuntimeFailure}s a person can act on. */
final class DockerFailures {

    private DockerFailures() {}

    /**
     * @param action what was being done, as a sentence start: "Starting dd-shop-v3-ab12c4"
     * @param dockerHost where the engine was expected, for the "not reachable" case
     */
    static RuntimeFailure explain(String action, String dockerHost, RuntimeException e) {
        if (e instanceof RuntimeFailure failure) {
            return failure;
        }
        if (unreachable(e)) {
            return new RuntimeFailure(
                    "The Docker engine is not reachable at %s: is it running?".formatted(dockerHost), e);
        }
        return new RuntimeFailure(action + " failed: " + reason(e), e);
    }

    private static String reason(RuntimeException e) {
        String message = engineMessage(e);
        if (message.contains("non-overlapping IPv4 address pool")) {
            // One network per project: an engine with default settings runs out after about 30 projects.
            return "the Docker engine has no free address range for another project network; enlarge"
                    + " default-address-pools in daemon.json (" + message + ")";
        }
        return switch (e) {
            case NotFoundException n -> "the Docker engine has no such image, container or network (" + message + ")";
            case ConflictException c -> "the name is taken or the object is in use (" + message + ")";
            case BadRequestException b -> "the Docker engine refused the request (" + message + ")";
            case InternalServerErrorException i -> "the Docker engine reported an error (" + message + ")";
            case DockerException d -> "the Docker engine answered " + d.getHttpStatus() + " (" + message + ")";
            default -> message;
        };
    }

    /** docker-java wraps the engine's JSON body, {"message":"..."}, into the exception message; keep just the text. */
    static String engineMessage(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).strip().replaceFirst("^Status \\d{3}: ", "");
        int start = message.indexOf("{\"message\":\"");
        if (start >= 0) {
            int from = start + "{\"message\":\"".length();
            int end = message.indexOf('"', from);
            return end > from ? message.substring(from, end) : message;
        }
        return message;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (t instanceof SocketException || message.contains("Connection refused")) {
                return true;
            }
            if (message.contains("No such file or directory") && !(e instanceof DockerException)) {
                return true; // the unix socket file itself is missing
            }
        }
        return false;
    }
}
