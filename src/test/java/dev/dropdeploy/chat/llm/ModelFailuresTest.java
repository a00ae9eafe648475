package dev.dropdeploy.chat.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ModelFailuresTest {

    private static final String URL = "http://localhost:11434/v1";

    @Test
    void anEndpointThatIsDownIsNamedAndTheFixIsSaidInsteadOfNull() {
        String message =
                ModelFailures.describe(new UnresolvedModelServerException(new ConnectException(null)), URL, "llama3");

        assertThat(message)
                .doesNotContain("null")
                .contains("cannot be reached")
                .contains(URL)
                .contains("running");
    }

    @Test
    void aTimeoutAndAnHttpStatusSayWhatHappenedAndWhatToDo() {
        assertThat(ModelFailures.describe(
                        new RuntimeException(new HttpTimeoutException("request timed out")), URL, "m"))
                .contains("did not answer in time");
        assertThat(ModelFailures.describe(new AuthenticationException("bad key"), URL, "m"))
                .contains("API key");
        assertThat(ModelFailures.describe(new HttpException(503, "busy"), URL, "m"))
                .contains("HTTP 503")
                .contains("try again");
    }

    @Test
    void anUnknownFailureStillNamesTheEndpointAndTheFirstMessageInTheChain() {
        assertThat(ModelFailures.describe(
                        new IllegalStateException(null, new RuntimeException("stream closed")), URL, "m"))
                .contains(URL)
                .contains("stream closed");
    }
}
