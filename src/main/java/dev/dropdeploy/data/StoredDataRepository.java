package dev.dropdeploy.data;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredDataRepository extends JpaRepository<StoredData, StoredData.Key> {

    List<StoredData> findByKeyProjectIdOrderByKeyKind(UUID projectId);

    List<StoredData> findByKeyKind(DataKind kind);

    List<StoredData> findByKeyProjectIdIn(List<UUID> projectIds);
}
