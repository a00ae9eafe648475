package dev.dropdeploy.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up, loudly, when the egress firewall that contains apps and builds is missing. It is installed by
 * {@code scripts/firewall.sh} (run by {@code ./dropdeploy up}); DropDeploy only checks it, because in production it
 * runs in a container that cannot and must not change the host's firewall.
 */
@Component
class EgressFirewallCheck {

    private static final Logger log = LoggerFactory.getLogger(EgressFirewallCheck.class);

    private final String pool;

    EgressFirewallCheck(RuntimeProperties properties) {
        this.pool = properties.networkPool();
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        String rules = dockerUserRules();
        if (rules == null) {
            log.info("Cannot read the host's firewall from here; run scripts/firewall.sh check on the host");
        } else if (installedFor(rules, pool)) {
            log.info("Egress firewall in place for {}", pool);
        } else {
            log.warn(
                    "The egress firewall for {} is NOT installed: apps and builds can reach the host and private"
                            + " addresses. Run scripts/firewall.sh apply (./dropdeploy up does).",
                    pool);
        }
    }

    static boolean installedFor(String dockerUserRules, String pool) {
        return dockerUserRules
                .lines()
                .anyMatch(line -> line.equals("-A DOCKER-USER -s " + pool + " -j DROPDEPLOY-EGRESS"));
    }

    /** {@code iptables -S DOCKER-USER}, or null when it cannot be run here (no iptables, not root, a container). */
    private static String dockerUserRules() {
        try {
            Process process = new ProcessBuilder("iptables", "-w", "-S", "DOCKER-USER")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
