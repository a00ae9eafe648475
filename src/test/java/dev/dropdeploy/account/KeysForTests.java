package dev.dropdeploy.account;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * An account with an API key written straight into the database of a DropDeploy that runs as its own process (the
 * fault tests), which has no sign-up a test could call. The key is made and hashed as {@link ApiKeys} does.
 */
public final class KeysForTests {

    private KeysForTests() {}

    /** @return the new account's API key */
    public static String accountWithKey(String jdbcUrl, String user, String password, String username) {
        String key = KeyMaterial.newKey();
        UUID userId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into app_user (id, username, password_hash, admin, created_at) values (?, ?, ?, true, ?)")) {
                insert.setObject(1, userId);
                insert.setString(2, username);
                insert.setString(3, "{noop}not-for-signing-in");
                insert.setTimestamp(4, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into api_key (id, user_id, name, prefix, hash, created_at) values (?, ?, 'faults', ?, ?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, userId);
                insert.setString(3, KeyMaterial.prefix(key));
                insert.setString(4, KeyMaterial.hash(key));
                insert.setTimestamp(5, now);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the test account: " + e.getMessage(), e);
        }
        return key;
    }
}
