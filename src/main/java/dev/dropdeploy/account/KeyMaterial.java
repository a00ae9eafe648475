package dev.dropdeploy.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How API keys, invite and password reset tokens look and are stored. Each carries 256 random bits, so a fast unsalted SHA-256 is
 * enough to store it: there is nothing to guess, unlike a password. A key's prefix stays visible so users can tell
 * their keys apart.
 */
final class KeyMaterial {

    static final String MARK = "dd_";
    static final String INVITE_MARK = "ddi_";
    static final String RESET_MARK = "ddr_";
    static final int PREFIX_LENGTH = MARK.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {}

    static String newKey() {
        return MARK + randomPart();
    }

    static String newInviteToken() {
        return INVITE_MARK + randomPart();
    }

    static String newResetToken() {
        return RESET_MARK + randomPart();
    }

    private static String randomPart() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String prefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Cheap shape check first, so random Authorization headers never reach the database. */
    static boolean looksLikeKey(String key) {
        return hasShape(key, MARK);
    }

    static boolean looksLikeInviteToken(String token) {
        return hasShape(token, INVITE_MARK);
    }

    static boolean looksLikeResetToken(String token) {
        return hasShape(token, RESET_MARK);
    }

    private static boolean hasShape(String value, String mark) {
        return value != null && value.startsWith(mark) && value.length() == mark.length() + 43;
    }
}
