package dev.dropdeploy.git;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, removes previews past their time to live ({@code dropdeploy.git.preview-ttl}) and those of projects
 * that were disconnected or deleted, each in its project's queue so it never races a push of the same branch.
 */
@Component
class PreviewSweeper {

    private final Previews previews;
    private final PushWork work;
    private final Clock clock;

    PreviewSweeper(Previews previews, PushWork work, Clock clock) {
        this.previews = previews;
        this.work = work;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void sweep() {
        sweep(clock.instant());
    }

    void sweep(Instant now) {
        previews.due(now).forEach(preview -> work.inOrder(preview.parentId(), () -> previews.delete(preview)));
    }
}
