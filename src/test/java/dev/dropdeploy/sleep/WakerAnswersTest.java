package dev.dropdeploy.sleep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WakerAnswersTest {

    @Test
    void browsersAskForHtmlAndApiClientsDoNot() {
        assertThat(WakerAnswers.browser("text/html,application/xhtml+xml,*/*;q=0.8"))
                .isTrue();
        assertThat(WakerAnswers.browser("*/*")).isFalse();
        assertThat(WakerAnswers.browser("application/json")).isFalse();
        assertThat(WakerAnswers.browser(null)).isFalse();
    }

    @Test
    void aWokenRequestIsSentBackToItsOwnPathAndQuery() {
        assertThat(WakerAnswers.sameAddress("/api/items", "page=2")).isEqualTo("/api/items?page=2");
        assertThat(WakerAnswers.sameAddress("/", null)).isEqualTo("/");
    }

    @Test
    void aRedirectNeverLeavesTheHost() {
        assertThat(WakerAnswers.sameAddress("//evil.example/x", null)).isEqualTo("/");
        assertThat(WakerAnswers.sameAddress("/\\evil.example", null)).isEqualTo("/");
        assertThat(WakerAnswers.sameAddress("https://evil.example/", null)).isEqualTo("/");
        assertThat(WakerAnswers.sameAddress(null, null)).isEqualTo("/");
        assertThat(WakerAnswers.sameAddress("/a\r\nSet-Cookie: x=1", null)).isEqualTo("/");
        assertThat(WakerAnswers.sameAddress("/a", "q=1\r\nX: y")).isEqualTo("/a");
    }

    @Test
    void theWakingPageReloadsItselfAndNamesTheApp() {
        String page = WakerAnswers.wakingPage("blog", 1);

        assertThat(page).contains("http-equiv=\"refresh\" content=\"1\"").contains("<strong>blog</strong>");
    }
}
