package dev.dropdeploy.chat.memory;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** LangChain4j's chat memory, one row per project, keyed by the project's id. */
@Component
public class PostgresChatMemoryStore implements ChatMemoryStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PostgresChatMemoryStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return jdbc
                .query(
                        "select messages from chat_memory where project_id = ?",
                        (rs, n) -> rs.getString(1),
                        id(memoryId))
                .stream()
                .findFirst()
                .map(ChatMessageDeserializer::messagesFromJson)
                .orElseGet(List::of);
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        jdbc.update(
                "insert into chat_memory (project_id, messages, updated_at) values (?, ?, ?) on conflict (project_id)"
                        + " do update set messages = excluded.messages, updated_at = excluded.updated_at",
                id(memoryId),
                ChatMessageSerializer.messagesToJson(messages),
                Timestamp.from(clock.instant()));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        jdbc.update("update chat_memory set messages = '[]' where project_id = ?", id(memoryId));
    }

    /** The rolling summary of the app as it stands, written by the model at the end of each applied turn. */
    public Optional<String> summary(UUID projectId) {
        return jdbc
                .query("select summary from chat_memory where project_id = ?", (rs, n) -> rs.getString(1), projectId)
                .stream()
                .filter(s -> s != null && !s.isBlank())
                .findFirst();
    }

    public void saveSummary(UUID projectId, String summary) {
        jdbc.update(
                "insert into chat_memory (project_id, messages, summary, updated_at) values (?, '[]', ?, ?)"
                        + " on conflict (project_id) do update set summary = excluded.summary,"
                        + " updated_at = excluded.updated_at",
                projectId,
                summary,
                Timestamp.from(clock.instant()));
    }

    private static UUID id(Object memoryId) {
        return memoryId instanceof UUID uuid ? uuid : UUID.fromString(memoryId.toString());
    }
}
