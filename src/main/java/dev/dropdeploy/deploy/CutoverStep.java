package dev.dropdeploy.deploy;

import dev.dropdeploy.routing.AppAddresses;
import dev.dropdeploy.routing.Route;
import dev.dropdeploy.routing.RouteTable;
import dev.dropdeploy.routing.TraefikProbe;
import dev.dropdeploy.workspace.PasswordProtection;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Switches the project's address to the new container in one step, then confirms through Traefik, as a visitor
 * would, that the new deployment answers. If Traefik never serves it, the previous route is put back.
 */
@Component
class CutoverStep {

    private final RouteTable routes;
    private final AppAddresses addresses;
    private final TraefikProbe traefik;
    private final DeploymentLog log;
    private final DeployProperties properties;
    private final PasswordProtection protection;

    CutoverStep(
            RouteTable routes,
            AppAddresses addresses,
            TraefikProbe traefik,
            DeploymentLog log,
            DeployProperties properties,
            PasswordProtection protection) {
        this.protection = protection;
        this.routes = routes;
        this.addresses = addresses;
        this.traefik = traefik;
        this.log = log;
        this.properties = properties;
    }

    void run(DeploymentRun run) {
        String projectHost = addresses.projectHost(run.project.slug());
        String versionHost = addresses.versionHost(run.project.slug(), run.version);
        URI target = URI.create(run.container.routeTarget());
        String id = run.deploymentId.toString();
        List<String> auth = protection.htpasswd(run.project.id()).stream().toList();
        routes.publish(new Route(run.versionRouteName(), List.of(versionHost), target, id, auth));
        Optional<Route> previous = routes.find(run.routeName());
        routes.publish(new Route(run.routeName(), List.of(projectHost), target, id, auth));
        say(run, "Route switched: " + addresses.link(projectHost) + " -> " + run.container.name());
        TraefikProbe.Answer last = awaitServed(projectHost, id);
        if (!served(last, id)) {
            previous.ifPresentOrElse(routes::publish, () -> routes.withdraw(run.routeName()));
            routes.withdraw(run.versionRouteName());
            throw new DeployStepFailed(
                    "Traefik did not serve the new version within "
                            + properties.confirmTimeout().toSeconds()
                            + " s, so the previous route was restored ("
                            + lastAnswer(last, id)
                            + "). Is Traefik running and polling DropDeploy?",
                    List.of());
        }
        say(run, "Confirmed through Traefik: " + addresses.link(projectHost) + " answers from this deployment");
    }

    /** Whether Traefik serves {@code host} from the deployment within the confirm timeout (also used by waking). */
    boolean confirmed(String host, String deploymentId) {
        return served(awaitServed(host, deploymentId), deploymentId);
    }

    /** Asks Traefik until it serves the deployment or the confirm timeout passes; the last answer either way. */
    private TraefikProbe.Answer awaitServed(String host, String deploymentId) {
        Instant deadline = Instant.now().plus(properties.confirmTimeout());
        TraefikProbe.Answer answer = traefik.get(host, "/");
        while (!served(answer, deploymentId) && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
            answer = traefik.get(host, "/");
        }
        return answer;
    }

    /**
     * The header alone is not enough: Traefik adds it to its own 502 while it cannot reach the new container yet (it
     * has just joined the project network), and a visitor must get the app.
     */
    private static boolean served(TraefikProbe.Answer answer, String deploymentId) {
        return answer.status() > 0
                && answer.status() < 500
                && answer.deployment().filter(deploymentId::equals).isPresent();
    }

    /** What Traefik last said, so an operator can tell a missing route from an unreachable container. */
    static String lastAnswer(TraefikProbe.Answer answer, String deploymentId) {
        if (answer.status() == 0) {
            return "Traefik did not answer at all";
        }
        if (answer.deployment().isEmpty()) {
            return "Traefik answered " + answer.status() + " without a route to this project";
        }
        if (!answer.deployment().get().equals(deploymentId)) {
            return "Traefik still served deployment " + answer.deployment().get();
        }
        return "Traefik answered " + answer.status() + ": it could not reach the new container";
    }

    /**
     * Whether Traefik has stopped sending {@code host} to the deployment within the confirm timeout: what a sleeping
     * app waits for before its container stops, so no visitor meets a stopped container (a 502).
     */
    boolean left(String host, String deploymentId) {
        Instant deadline = Instant.now().plus(properties.confirmTimeout());
        while (Instant.now().isBefore(deadline)) {
            TraefikProbe.Answer answer = traefik.get(host, "/");
            if (answer.status() > 0
                    && answer.deployment().filter(deploymentId::equals).isEmpty()) {
                return true;
            }
            sleep(Duration.ofMillis(200));
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployStepFailed("Interrupted while waiting for Traefik", List.of());
        }
    }

    private void say(DeploymentRun run, String line) {
        log.append(run.deploymentId, "route", line);
    }
}
