package dev.dropdeploy.detect;

import dev.dropdeploy.detect.engine.Analyzer;
import dev.dropdeploy.detect.engine.DetectionEngine;
import dev.dropdeploy.detect.jvm.GradleAnalyzer;
import dev.dropdeploy.detect.jvm.MavenAnalyzer;
import dev.dropdeploy.detect.jvm.PlainJavaAnalyzer;
import dev.dropdeploy.detect.node.NodeAnalyzer;
import dev.dropdeploy.detect.other.DockerfileAnalyzer;
import dev.dropdeploy.detect.other.GoAnalyzer;
import dev.dropdeploy.detect.other.HugoAnalyzer;
import dev.dropdeploy.detect.other.PhpAnalyzer;
import dev.dropdeploy.detect.other.StaticAnalyzer;
import dev.dropdeploy.detect.python.PythonAnalyzer;
import dev.dropdeploy.detect.scan.ScanLimits;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The detect module's entry point: how to build and run a source tree, with the evidence for every decision.
 * Stateless and thread-safe; reads the tree within {@link ScanLimits#DEFAULT}, never follows symlinks, never throws
 * for odd input (an unrecognised tree is reported as {@link Stack#UNKNOWN}).
 */
@Component
public class StackDetector {

    private final DetectionEngine engine;
    private final DetectionEngine codeOnly;

    public StackDetector() {
        this.engine = new DetectionEngine(analyzers(true), ScanLimits.DEFAULT);
        this.codeOnly = new DetectionEngine(analyzers(false), ScanLimits.DEFAULT);
    }

    public DetectionReport detect(Path root) {
        return engine.detect(root);
    }

    /**
     * As {@link #detect}, with the project's own Dockerfile left aside: how the code itself would be built, for a
     * Dockerfile that cannot be used here (its base image is not to be had).
     */
    public DetectionReport detectFromCode(Path root) {
        return codeOnly.detect(root);
    }

    private static List<Analyzer> analyzers(boolean ownDockerfile) {
        List<Analyzer> fromCode = List.of(
                new MavenAnalyzer(),
                new GradleAnalyzer(),
                new PlainJavaAnalyzer(),
                new NodeAnalyzer(),
                new PythonAnalyzer(),
                new GoAnalyzer(),
                new PhpAnalyzer(),
                new HugoAnalyzer(),
                new StaticAnalyzer());
        if (!ownDockerfile) {
            return fromCode;
        }
        List<Analyzer> all = new java.util.ArrayList<>(fromCode);
        all.addFirst(new DockerfileAnalyzer());
        return List.copyOf(all);
    }
}
