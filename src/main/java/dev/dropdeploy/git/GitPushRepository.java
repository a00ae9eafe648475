package dev.dropdeploy.git;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GitPushRepository extends JpaRepository<GitPush, Long> {

    List<GitPush> findTop20ByProjectIdOrderByIdDesc(UUID projectId);
}
