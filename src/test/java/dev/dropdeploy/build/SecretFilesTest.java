package dev.dropdeploy.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is left out as {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                ".env                | SECRET=1                                         | secrets",
                ".env.production     | DATABASE_URL=postgres://u:p@db/app               | secrets",
                ".env.local          | TOKEN=x                                          | secrets",
                ".npmrc              | //registry.npmjs.org/:_authToken=npm_abc         | auth token",
                ".npmrc              | _auth=dXNlcjpwYXNz                               | auth token",
                ".yarnrc.yml         | npmAuthToken: abc                                | auth token",
                ".pypirc             | [pypi]\\npassword = pypi-abc                     | auth token",
                ".git-credentials    | https://u:token@github.com                       | credentials",
                ".netrc              | machine example.com login u password p           | credentials",
                "id_rsa              | anything                                         | private key",
                "id_ed25519          | anything                                         | private key",
                "server.key          | -----BEGIN RSA PRIVATE KEY-----\\nMIIE            | private key",
                "tls.pem             | -----BEGIN PRIVATE KEY-----\\nMIIE                | private key",
                "deploy.pem          | -----BEGIN CERTIFICATE-----\\nx\\n"
                        + "-----BEGIN EC PRIVATE KEY----- | private key",
                "service-account.json | {\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIE\"} | private key",
                "signing.p12         | binary                                           | private key",
                "auth.json           | {\"http-basic\": {\"repo.example.com\": {}}}       | auth token",
                ".yarnrc             | _authToken abc                                   | auth token",
                ".aws/credentials    | [default]                                        | credentials",
                ".docker/config.json | {\"auths\": {}}                                   | credentials",
                ".kube/config        | apiVersion: v1                                   | credentials",
            })
    void a_secret_file_is_left_out_and_says_why(String name, String content, String why) throws IOException {
        assertThat(SecretFiles.reason(write(name, content))).hasValue(why);
    }

    @ParameterizedTest(name = "{0} is kept")
    @CsvSource(
            delimiter = '|',
            value = {
                ".env.example        | SECRET=",
                ".env.sample         | SECRET=",
                ".env.template       | SECRET=",
                ".npmrc              | registry=https://registry.npmjs.org/",
                ".yarnrc.yml         | nodeLinker: node-modules",
                "ca.pem              | -----BEGIN CERTIFICATE-----\\nMIIB",
                "id_rsa.pub          | ssh-rsa AAAA",
                "monkey.key          | a file about keyboards",
                "environment.ts      | export const env = {}",
                "package.json        | {\"name\": \"shop\"}",
                "config.json         | {\"theme\": \"dark\"}",
            })
    void a_harmless_file_is_kept(String name, String content) throws IOException {
        assertThat(SecretFiles.reason(write(name, content))).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content.replace("\\n", "\n"));
        return file;
    }
}
