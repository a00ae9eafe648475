package dev.dropdeploy.data;

import dev.dropdeploy.build.BaseImages;
import dev.dropdeploy.runtime.DataContainers;
import dev.dropdeploy.runtime.RuntimeFailure;
import dev.dropdeploy.workspace.Projects;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Measures every data folder on a schedule, since the engine here cannot cap a volume, and stops projects beyond the
 * project or the owner quota (through {@link DataFolderOverQuota}, which the deploy module follows). Between two
 * measurements a folder can grow past its quota by what an app writes in that time; the disk watermark of builds
 * still protects the host.
 */
@Component
class FolderQuotas {

    private static final Logger log = LoggerFactory.getLogger(FolderQuotas.class);

    private final StoredDataRepository repository;
    private final DataContainers containers;
    private final Projects projects;
    private final BaseImages images;
    private final DataProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FolderQuotas(
            StoredDataRepository repository,
            DataContainers containers,
            Projects projects,
            BaseImages images,
            DataProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.containers = containers;
        this.projects = projects;
        this.images = images;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    static String overProject(long used, DataSize quota) {
        return "Its data folder holds %s, more than its quota of %s: delete files (or download and detach it) to start it"
                .formatted(ReadableSize.of(used), ReadableSize.of(quota.toBytes()));
    }

    static String overOwner(long used, DataSize quota) {
        return "Its owner's data folders hold %s together, more than the quota of %s"
                .formatted(ReadableSize.of(used), ReadableSize.of(quota.toBytes()));
    }

    @Scheduled(
            initialDelayString = "${dropdeploy.data.measure-every:5m}",
            fixedDelayString = "${dropdeploy.data.measure-every:5m}")
    void measureAll() {
        List<StoredData> folders = repository.findByKeyKind(DataKind.FOLDER);
        Map<UUID, Long> perOwner = new HashMap<>();
        Map<UUID, UUID> owners = new HashMap<>();
        for (StoredData folder : folders) {
            long bytes = measure(folder);
            projects.ownerIdAsSystem(folder.projectId()).ifPresent(owner -> {
                owners.put(folder.projectId(), owner);
                perOwner.merge(owner, bytes, Long::sum);
            });
            if (bytes > properties.folderQuota().toBytes()) {
                events.publishEvent(
                        new DataFolderOverQuota(folder.projectId(), overProject(bytes, properties.folderQuota())));
            }
        }
        owners.forEach((project, owner) -> {
            long total = perOwner.get(owner);
            if (total > properties.userQuota().toBytes()) {
                events.publishEvent(new DataFolderOverQuota(project, overOwner(total, properties.userQuota())));
            }
        });
    }

    /** One folder now; its last size stays when the engine cannot measure it. */
    long measure(StoredData folder) {
        try {
            long bytes = projects.findAsSystem(folder.projectId())
                    .map(p -> containers.folderBytes(p.slug(), images.resolve("debian")))
                    .orElse(0L);
            transactions.executeWithoutResult(tx -> repository
                    .findById(new StoredData.Key(folder.projectId(), DataKind.FOLDER))
                    .ifPresent(stored -> {
                        stored.measured(bytes, clock.instant());
                        repository.save(stored);
                    }));
            return bytes;
        } catch (RuntimeFailure e) {
            log.warn("Could not measure the data folder of {}: {}", folder.projectId(), e.getMessage());
            return folder.usedBytes();
        }
    }
}
