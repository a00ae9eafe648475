package dev.dropdeploy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class HardeningTest {

    final RuntimeProperties properties = RuntimeTestData.properties();
    final ContainerSpec spec = RuntimeTestData.spec("shop", 3, "img", Map.of("GREETING", "hi"), true);

    HostConfig map(ContainerSpec spec, RuntimeProperties properties) {
        return Hardening.hostConfig(spec, properties.defaultLimits(), properties);
    }

    @Test
    void every_container_drops_all_capabilities_and_forbids_new_privileges() {
        HostConfig config = map(spec, properties);

        assertThat(config.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(config.getCapAdd()).isNull();
        assertThat(config.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(config.getPrivileged()).isFalse();
    }

    @Test
    void memory_and_swap_are_equal_so_the_app_never_swaps() {
        HostConfig config =
                Hardening.hostConfig(spec, new ResourceLimits(DataSize.ofMegabytes(32), 0.5, 64), properties);

        assertThat(config.getMemory()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.getMemorySwap()).isEqualTo(config.getMemory());
        assertThat(config.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(config.getPidsLimit()).isEqualTo(64L);
    }

    @Test
    void a_read_only_root_gets_a_size_limited_executable_tmp() {
        HostConfig config = map(spec, properties);

        assertThat(config.getReadonlyRootfs()).isTrue();
        assertThat(config.getTmpFs()).containsOnlyKeys("/tmp");
        assertThat(config.getTmpFs().get("/tmp"))
                .contains("size=" + 64 * 1024 * 1024, "nosuid", "nodev")
                .doesNotContain("noexec");
    }

    @Test
    void a_writable_root_gets_no_tmpfs() {
        HostConfig config = map(RuntimeTestData.spec("shop", 3, "img", Map.of(), false), properties);

        assertThat(config.getReadonlyRootfs()).isFalse();
        assertThat(config.getTmpFs()).isNull();
    }

    @Test
    void nothing_from_the_host_is_mounted_and_no_port_is_published() {
        HostConfig config = map(spec, properties);

        assertThat(config.getBinds()).isNullOrEmpty();
        assertThat(config.getMounts()).isNull();
        assertThat(config.getDevices()).isNull();
        assertThat(config.getPortBindings()).isNull();
        assertThat(config.getNetworkMode()).isEqualTo("dd-net-shop");
    }

    @Test
    void containers_start_without_a_restart_policy_and_with_a_bounded_log() {
        HostConfig config = map(spec, properties);

        assertThat(config.getRestartPolicy().getName()).isIn("", "no");
        assertThat(config.getLogConfig().getConfig()).containsEntry("max-size", "10m");
    }

    @Test
    void the_oci_runtime_is_set_only_when_configured() {
        assertThat(map(spec, properties).getRuntime()).isNull();
        assertThat(map(spec, RuntimeTestData.properties("", "runsc")).getRuntime())
                .isEqualTo("runsc");
    }

    /** What a typical image's /etc/passwd says, plus a second name for uid 0. */
    private static OptionalLong passwd(String name) {
        return switch (name) {
            case "root", "toor" -> OptionalLong.of(0);
            case "app", "rootless" -> OptionalLong.of(1000);
            default -> OptionalLong.empty();
        };
    }

    private static String user(String imageUser) {
        return Hardening.user(imageUser, HardeningTest::passwd);
    }

    @Test
    void root_or_unset_image_users_are_replaced_by_an_unprivileged_one() {
        assertThat(user(null)).isEqualTo("10001:10001");
        assertThat(user("")).isEqualTo("10001:10001");
        assertThat(user("root")).isEqualTo("10001:10001");
        assertThat(user("0:0")).isEqualTo("10001:10001");
        assertThat(user("root:staff")).isEqualTo("10001:10001");
    }

    @Test
    void uid_zero_is_refused_however_the_image_spells_it() {
        assertThat(user("00")).isEqualTo("10001:10001");
        assertThat(user("0000:0")).isEqualTo("10001:10001");
        assertThat(user(" 0 ")).isEqualTo("10001:10001");
        assertThat(user("toor")).as("a name whose uid is 0").isEqualTo("10001:10001");
        assertThat(user("nobody-here")).as("a name the image does not know").isEqualTo("10001:10001");
        assertThat(user("99999999999999999999")).isEqualTo("10001:10001");
    }

    @Test
    void a_non_root_image_user_is_kept() {
        assertThat(user("app")).as("by its uid, never by name").isEqualTo("1000:1000");
        assertThat(user("1000:1000")).isEqualTo("1000:1000");
        assertThat(user("1000:50")).isEqualTo("1000:50");
        assertThat(user("rootless")).isEqualTo("1000:1000");
    }

    @Test
    void group_zero_is_replaced_by_the_users_own_id() {
        assertThat(user("1000:0")).isEqualTo("1000:1000");
        assertThat(user("app:root")).isEqualTo("1000:1000");
        assertThat(user("1000")).isEqualTo("1000:1000");
    }

    @Test
    void env_is_injected_with_port_last_and_home_in_tmp_for_the_fallback_user() {
        ContainerSpec withPort = RuntimeTestData.spec("shop", 1, "img", Map.of("PORT", "1", "A", "b"), true);

        assertThat(Hardening.env(withPort, Hardening.FALLBACK_USER)).containsExactly("A=b", "HOME=/tmp", "PORT=8080");
        assertThat(Hardening.env(withPort, "app")).containsExactly("A=b", "PORT=8080");
    }

    @Test
    void an_invalid_environment_variable_name_is_refused() {
        ContainerSpec bad = RuntimeTestData.spec("shop", 1, "img", Map.of("A=B", "c"), true);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Hardening.env(bad, "app"))
                .withMessageContaining("A=B");
    }
}
