package dev.dropdeploy.chat.memory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The full conversation of a project as the UI shows it; unlike the model's memory, nothing is ever evicted. */
@Component
public class Conversation {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Conversation(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void add(UUID projectId, ChatEntry.Kind kind, String content) {
        jdbc.update(
                "insert into chat_entry (project_id, kind, content, created_at) values (?, ?, ?, ?)",
                projectId,
                kind.name(),
                content,
                Timestamp.from(clock.instant()));
    }

    /** Oldest first. */
    public List<ChatEntry> entries(UUID projectId) {
        return jdbc.query(
                "select id, kind, content, created_at from chat_entry where project_id = ? order by id",
                (rs, n) -> new ChatEntry(
                        rs.getLong(1),
                        ChatEntry.Kind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()),
                projectId);
    }
}
