package dev.dropdeploy.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableWakerTest {

    private final RouteTable table = new RouteTable();

    @Test
    void aHostOfASleepingProjectNamesThatProjectWhateverPortOrCaseItCameWith() {
        table.publishWaker("blog", List.of("blog.localhost", "v3--blog.localhost"));

        assertThat(table.sleepingProjectAt("blog.localhost")).contains("blog");
        assertThat(table.sleepingProjectAt("V3--Blog.localhost:8000")).contains("blog");
    }

    @Test
    void aHostNoSleepingProjectHasNamesNothing() {
        table.publishWaker("blog", List.of("blog.localhost"));

        assertThat(table.sleepingProjectAt("shop.localhost")).isEmpty();
        assertThat(table.sleepingProjectAt("localhost")).isEmpty();
    }

    @Test
    void aHostileHostHeaderNamesNothing() {
        table.publishWaker("blog", List.of("blog.localhost"));

        assertThat(table.sleepingProjectAt(null)).isEmpty();
        assertThat(table.sleepingProjectAt("")).isEmpty();
        assertThat(table.sleepingProjectAt("blog.localhost/../shop")).isEmpty();
        assertThat(table.sleepingProjectAt("blog.localhost`) || Host(`x")).isEmpty();
    }

    @Test
    void aWokenProjectsHostsLeaveTheWaker() {
        table.publishWaker("blog", List.of("blog.localhost"));

        table.withdrawWaker("blog");

        assertThat(table.sleepingProjectAt("blog.localhost")).isEmpty();
        assertThat(table.wakerSnapshot()).isEmpty();
    }

    @Test
    void aWakerWithoutHostsOrWithABadOneIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> table.publishWaker("blog", List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> table.publishWaker("blog", List.of("a b")));
    }
}
