package dev.dropdeploy.cluster;

import java.util.Map;

/**
 * The labels by which DropDeploy knows its own services: the same names the runtime puts on containers and services
 * ({@code runtime.ContainerLabels}), repeated here because that class is the runtime's internal. Only services of this
 * installation's instance count, so a test run or a second installation on the same swarm is left out.
 */
final class OwnedLabels {

    static final String MANAGED = "dropdeploy.managed";
    static final String INSTANCE = "dropdeploy.instance";
    static final String PROJECT = "dropdeploy.project";
    static final String VERSION = "dropdeploy.version";

    private OwnedLabels() {}

    static Map<String, String> filter(String instance) {
        return Map.of(MANAGED, "true", INSTANCE, instance);
    }

    static int version(Map<String, String> labels) {
        try {
            return Integer.parseInt(labels.getOrDefault(VERSION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
