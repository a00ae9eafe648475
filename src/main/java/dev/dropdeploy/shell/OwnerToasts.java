package dev.dropdeploy.shell;

import dev.dropdeploy.alerts.OwnerAlerted;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Hands the alerts module's owner alerts to that owner's open pages, and no one else's. */
@Component
class OwnerToasts {

    private final Map<UUID, List<Consumer<OwnerAlerted>>> byOwner = new ConcurrentHashMap<>();

    /** @param page receives the owner's alerts; must hand over to its UI itself. Returns what unregisters it. */
    Runnable register(UUID ownerId, Consumer<OwnerAlerted> page) {
        byOwner.computeIfAbsent(ownerId, id -> new CopyOnWriteArrayList<>()).add(page);
        return () -> byOwner.computeIfPresent(ownerId, (id, pages) -> {
            pages.remove(page);
            return pages.isEmpty() ? null : pages;
        });
    }

    @EventListener
    void on(OwnerAlerted alert) {
        byOwner.getOrDefault(alert.ownerId(), List.of()).forEach(page -> page.accept(alert));
    }
}
