package dev.dropdeploy.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a user's uid from an image's own {@code /etc/passwd}, so a user name that maps to uid 0 is caught before the
 * container runs. The file is copied out of a container that is created and never started.
 */
final class ImagePasswd {

    /** A passwd file larger than this is not one an app needs; treat every name in it as unknown. */
    private static final int MAX_BYTES = 1 << 20;

    private final DockerClient docker;

    ImagePasswd(DockerClient docker) {
        this.docker = docker;
    }

    OptionalLong uidOf(String image, String userName) {
        String id = docker.createContainerCmd(image)
                .withEntrypoint("/nonexistent")
                .withNetworkDisabled(true)
                .exec()
                .getId();
        try (InputStream tar =
                        docker.copyArchiveFromContainerCmd(id, "/etc/passwd").exec();
                TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            if (entries.getNextEntry() == null) {
                return OptionalLong.empty();
            }
            byte[] bytes = entries.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES
                    ? OptionalLong.empty()
                    : uidIn(new String(bytes, StandardCharsets.UTF_8), userName);
        } catch (IOException | DockerException e) {
            return OptionalLong.empty(); // no passwd: the engine could not run the name either
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    static OptionalLong uidIn(String passwd, String userName) {
        for (String line : passwd.split("\n")) {
            String[] fields = line.split(":", -1);
            // Digits only, as written: the engine's own parser reads " 1000" or other digits as 0.
            if (fields.length >= 3 && fields[0].equals(userName) && fields[2].matches("[0-9]{1,9}")) {
                return OptionalLong.of(Long.parseLong(fields[2]));
            }
            if (fields.length >= 3 && fields[0].equals(userName)) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
