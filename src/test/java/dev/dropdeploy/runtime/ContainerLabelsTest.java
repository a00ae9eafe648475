package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContainerLabelsTest {

    @Test
    void a_container_carries_exactly_the_five_dropdeploy_labels() {
        ContainerSpec spec = RuntimeTestData.spec("shop", 3, "img", Map.of(), true);

        assertThat(ContainerLabels.forContainer(spec, "test"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "dropdeploy.managed", "true",
                        "dropdeploy.instance", "test",
                        "dropdeploy.project", "shop",
                        "dropdeploy.version", "3",
                        "dropdeploy.deployment", "dep-3"));
    }

    @Test
    void slugs_that_would_break_names_or_label_filters_are_refused() {
        for (String bad : new String[] {"", "Shop", "-shop", "shop-", "a_b", "a.b", "a".repeat(41), null}) {
            assertThatIllegalArgumentException().isThrownBy(() -> ContainerLabels.requireSlug(bad));
        }
        assertThat(ContainerLabels.requireSlug("my-shop-2")).isEqualTo("my-shop-2");
    }

    @Test
    void found_containers_are_read_back_from_their_labels() {
        Map<String, String> labels =
                Map.of("dropdeploy.project", "shop", "dropdeploy.version", "7", "dropdeploy.deployment", "d1");

        assertThat(ContainerLabels.toManaged("id1", "/dd-shop-v7-abc123", labels, true))
                .isEqualTo(new ManagedContainer("id1", "dd-shop-v7-abc123", "shop", 7, "d1", true));
    }

    @Test
    void a_container_with_a_mangled_version_label_still_shows_up() {
        assertThat(ContainerLabels.toManaged("id1", "x", Map.of("dropdeploy.version", "v7"), false)
                        .version())
                .isZero();
    }

    @Test
    void container_names_carry_project_version_and_a_random_suffix() {
        ContainerNames names = new ContainerNames(new SplittableRandom(1));

        String first = names.container("shop", 3);
        String second = names.container("shop", 3);

        assertThat(first).matches("dd-shop-v3-[a-z0-9]{6}");
        assertThat(second).isNotEqualTo(first);
        assertThat(names.container("a".repeat(40), 99999).length()).isLessThanOrEqualTo(63);
        assertThat(ContainerNames.network("shop")).isEqualTo("dd-net-shop");
    }

    @Test
    void an_app_whose_image_claims_to_be_a_data_service_is_not_listed_as_one() {
        Map<String, String> app = new java.util.HashMap<>(
                ContainerLabels.forContainer(RuntimeTestData.spec("shop", 1, "img", Map.of(), true), "inst"));
        app.put(ContainerLabels.SERVICE, "postgres"); // inherited from the image's own LABEL

        assertThat(ContainerLabels.isService(app)).isFalse();
        assertThat(ContainerLabels.isService(ContainerLabels.forData("shop", "inst", "postgres")))
                .isTrue();
        assertThat(ContainerLabels.isService(ContainerLabels.forData("shop", "inst", "helper")))
                .isFalse();
    }
}
