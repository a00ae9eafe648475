package dev.dropdeploy.chat.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.chat.llm.ApproximateTokens;
import dev.dropdeploy.support.CatalogImages;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The model's memory in PostgreSQL with plain JDBC: no application context, because the store needs nothing but a
 * schema, and booting Vaadin for it would cost more than the test.
 */
class ChatMemoryIT {

    static final PostgreSQLContainer POSTGRES =
            new PostgreSQLContainer(CatalogImages.image("postgres").asCompatibleSubstituteFor("postgres"));

    static JdbcTemplate jdbc;

    private PostgresChatMemoryStore store;
    private UUID project;

    @BeforeAll
    static void migrate() {
        POSTGRES.start();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() {
        POSTGRES.stop();
    }

    @BeforeEach
    void aProject() {
        project = UUID.randomUUID();
        jdbc.update(
                "insert into project (id, slug, name, created_at) values (?, ?, ?, now())",
                project,
                "p-" + project.toString().substring(0, 8),
                "Memory");
        store = new PostgresChatMemoryStore(jdbc, Clock.systemUTC());
    }

    @Test
    void theTokenWindowKeepsTheNewestMessagesWhenItIsReadBackFromTheDatabase() {
        ChatMemory writing = window(60);
        for (int i = 0; i < 10; i++) {
            writing.add(UserMessage.from("request number " + i + ", padded to a realistic length"));
            writing.add(AiMessage.from("summary number " + i + ", padded to a realistic length"));
        }

        // A fresh window sees only what was stored, as the next turn (possibly after a restart) would.
        List<ChatMessage> remembered = window(60).messages();

        assertThat(remembered).hasSizeBetween(2, 8);
        assertThat(texts(remembered).getLast()).startsWith("summary number 9");
        assertThat(texts(remembered)).noneMatch(t -> t.contains("number 0,"));
        assertThat(new ApproximateTokens().estimateTokenCountInMessages(remembered))
                .isLessThanOrEqualTo(60);
    }

    @Test
    void theSummaryOutlivesClearedMessagesAndMessagesOutliveANewSummary() {
        window(1000).add(UserMessage.from("build me a mortgage calculator"));
        store.saveSummary(project, "A mortgage calculator in one index.html.");

        assertThat(texts(store.getMessages(project))).containsExactly("build me a mortgage calculator");

        store.deleteMessages(project);

        assertThat(store.getMessages(project)).isEmpty();
        assertThat(store.summary(project)).contains("A mortgage calculator in one index.html.");
        assertThat(jdbc.queryForObject(
                        "select updated_at from chat_memory where project_id = ?", Instant.class, project))
                .isNotNull();
    }

    private ChatMemory window(int tokens) {
        return TokenWindowChatMemory.builder()
                .id(project)
                .maxTokens(tokens, new ApproximateTokens())
                .chatMemoryStore(store)
                .build();
    }

    private static List<String> texts(List<ChatMessage> messages) {
        return messages.stream()
                .map(m -> m instanceof UserMessage u ? u.singleText() : ((AiMessage) m).text())
                .toList();
    }
}
