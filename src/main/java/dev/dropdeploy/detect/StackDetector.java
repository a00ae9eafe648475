package dev.dropdeploy.detect;

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

    public StackDetector() {
        this.engine = new DetectionEngine(
                List.of(
                        new DockerfileAnalyzer(),
                        new MavenAnalyzer(),
                        new GradleAnalyzer(),
                        new PlainJavaAnalyzer(),
                        new NodeAnalyzer(),
                        new PythonAnalyzer(),
                        new GoAnalyzer(),
                        new PhpAnalyzer(),
                        new HugoAnalyzer(),
                        new StaticAnalyzer()),
                ScanLimits.DEFAULT);
    }

    public DetectionReport detect(Path root) {
        return engine.detect(root);
    }
}
