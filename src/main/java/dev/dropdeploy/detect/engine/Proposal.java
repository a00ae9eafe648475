package dev.dropdeploy.detect.engine;

import dev.dropdeploy.detect.BuildNeeds;
import dev.dropdeploy.detect.Commands;
import dev.dropdeploy.detect.DetectionWarning;
import dev.dropdeploy.detect.Evidence;
import dev.dropdeploy.detect.Stack;
import dev.dropdeploy.detect.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * A draft report for one way of running one folder, filled in by a single analyzer. Mutable on purpose: analyzers
 * add evidence as they learn; the resolver freezes the winner into a {@code DetectionReport}.
 */
public final class Proposal {

    final Stack stack;
    final String framework;
    final String directory;
    Kind kind;
    double score;
    String reason;
    String runtimeVersion;
    String packageManager;
    String install;
    String build;
    String start;
    int port = DEFAULT_PORT;
    String healthPath = "/";
    String staticOutputDir;
    boolean webServer = true;
    String entrypoint;
    String packageManagerPackage;
    Workspace workspace;
    final java.util.Set<String> buildPackages = new java.util.LinkedHashSet<>();
    final java.util.Set<String> runtimePackages = new java.util.LinkedHashSet<>();
    final List<Evidence> evidence = new ArrayList<>();
    final List<DetectionWarning> warnings = new ArrayList<>();

    /** The port we inject through {@code $PORT}; every template makes the app listen there. */
    public static final int DEFAULT_PORT = 8080;

    /** @param kind what the folder is, which decides how it ranks (the table in {@link Kind}) */
    public Proposal(Stack stack, String framework, String directory, Kind kind, String reason) {
        this.stack = stack;
        this.framework = framework;
        this.directory = directory;
        this.kind = kind;
        this.score = kind.score();
        this.reason = reason;
    }

    public Stack stack() {
        return stack;
    }

    public String framework() {
        return framework;
    }

    public double score() {
        return score;
    }

    public int port() {
        return port;
    }

    public String start() {
        return start;
    }

    public String buildCommand() {
        return build;
    }

    public String entrypoint() {
        return entrypoint;
    }

    public List<DetectionWarning> warnings() {
        return warnings;
    }

    /** A different kind after a closer look (a script that turns out to serve HTTP). */
    public Proposal kind(Kind value, String why) {
        this.kind = value;
        this.score = value.score();
        this.reason = why;
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public Proposal runtimeVersion(String v) {
        this.runtimeVersion = v;
        return this;
    }

    public Proposal packageManager(String pm) {
        this.packageManager = pm;
        return this;
    }

    public Proposal commands(String install, String build, String start) {
        this.install = install;
        this.build = build;
        this.start = start;
        return this;
    }

    public Proposal port(int port) {
        this.port = port;
        return this;
    }

    public Proposal healthPath(String path) {
        this.healthPath = path;
        return this;
    }

    public Proposal staticOutputDir(String dir) {
        this.staticOutputDir = dir;
        return this;
    }

    public Proposal notWeb() {
        this.webServer = false;
        return this;
    }

    public Proposal entrypoint(String e) {
        this.entrypoint = e;
        return this;
    }

    /** The npm registry package (with version) that provides the package manager; see {@code BuildNeeds}. */
    public Proposal packageManagerPackage(String spec) {
        this.packageManagerPackage = spec;
        return this;
    }

    /** A member of a workspace: installed and built from the workspace root. */
    public Proposal workspace(Workspace w) {
        this.workspace = w;
        return this;
    }

    /** Debian packages the dependency install needs, and those the running app needs. */
    public Proposal systemPackages(List<String> build, List<String> runtime) {
        buildPackages.addAll(build);
        runtimePackages.addAll(runtime);
        return this;
    }

    public Proposal because(String decision, String file, int line, String why) {
        evidence.add(new Evidence(decision, file, line, why));
        return this;
    }

    public Proposal warn(String code, String file, int line, String message) {
        warnings.add(new DetectionWarning(code, file, line, message));
        return this;
    }

    BuildNeeds toNeeds() {
        return new BuildNeeds(packageManagerPackage, List.copyOf(buildPackages), List.copyOf(runtimePackages));
    }

    Commands toCommands() {
        return install == null && build == null && start == null ? null : new Commands(install, build, start);
    }
}
