package dev.dropdeploy.sleep;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When apps sleep and how the waker answers.
 *
 * @param defaultIdle how long an app may go without a request before it sleeps, for projects without a setting of
 *     their own; zero (the default) means never
 * @param checkEvery how often the idle rule runs
 * @param hold how long the waker holds an API client's request while the app wakes before answering 503
 * @param retryAfter what the 503's {@code Retry-After} and the waking page's refresh say, in seconds
 * @param failedWakePause after a wake that failed, how long requests get 503 without another attempt, so a flood
 *     cannot restart a broken app in a loop
 */
@Validated
@ConfigurationProperties("dropdeploy.sleep")
public record SleepProperties(
        @DefaultValue("0s") @NotNull Duration defaultIdle,
        @DefaultValue("30s") @NotNull Duration checkEvery,
        @DefaultValue("5s") @NotNull Duration hold,
        @DefaultValue("2") int retryAfter,
        @DefaultValue("30s") @NotNull Duration failedWakePause) {

    public SleepProperties {
        if (defaultIdle.isNegative() || hold.isNegative() || retryAfter < 1) {
            throw new IllegalArgumentException(
                    "dropdeploy.sleep: default-idle and hold must not be negative, retry-after at least 1");
        }
    }
}
