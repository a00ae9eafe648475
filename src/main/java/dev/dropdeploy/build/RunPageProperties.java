package dev.dropdeploy.build;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every run on a run page (a program that does not serve HTTP). They are baked into the image, so a changed
 * setting applies from an app's next deployment.
 *
 * @param timeLimit how long one run may take before it is stopped
 * @param outputLimit how much a run may print (standard output and error together) before it is stopped
 * @param concurrentRuns how many runs of one app may go on at once; more are refused with "try again"
 * @param uploadLimit the largest file a visitor may give the program
 */
@ConfigurationProperties("dropdeploy.run-page")
public record RunPageProperties(
        @DefaultValue("30s") Duration timeLimit,
        @DefaultValue("1MB") DataSize outputLimit,
        @DefaultValue("2") int concurrentRuns,
        @DefaultValue("10MB") DataSize uploadLimit) {

    static final RunPageProperties DEFAULTS =
            new RunPageProperties(Duration.ofSeconds(30), DataSize.ofMegabytes(1), 2, DataSize.ofMegabytes(10));

    public RunPageProperties {
        if (timeLimit.toSeconds() < 1 || outputLimit.toBytes() < 1 || concurrentRuns < 1 || uploadLimit.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "dropdeploy.run-page limits must be positive (time limit at least 1 s, at least 1 run at once)");
        }
    }
}
