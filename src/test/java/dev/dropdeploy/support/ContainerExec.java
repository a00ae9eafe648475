package dev.dropdeploy.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command inside a container, for tests only: the product never execs into an app container, the tests do, to
 * check what the app itself can see and reach.
 */
public final class ContainerExec {

    private ContainerExec() {}

    /** @return the command's exit code; its output (standard output and error) is appended to {@code output} */
    public static int exec(DockerClient docker, String containerId, StringBuilder output, String... command) {
        String execId = docker.execCreateCmd(containerId)
                .withCmd(command)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec()
                .getId();
        try {
            docker.execStartCmd(execId)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (output) {
                                output.append(new String(frame.getPayload()));
                            }
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return docker.inspectExecCmd(execId).exec().getExitCodeLong().intValue();
    }
}
