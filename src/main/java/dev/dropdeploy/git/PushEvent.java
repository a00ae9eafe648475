package dev.dropdeploy.git;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The little of a push payload DropDeploy needs, read from the shape all three servers share: {@code ref}
 * ({@code refs/heads/<branch>}), {@code after} (the new tip, all zeros when the branch was deleted), GitHub's and
 * Gitea's {@code deleted} and {@code head_commit}, GitLab's {@code commits}. A {@code delete} event (GitHub, Gitea)
 * names the branch in {@code ref} with {@code ref_type: branch}.
 *
 * @param branch the pushed branch, or {@code null} for a tag or anything else that is not a branch
 * @param commitId the new tip, or {@code null} when the branch was deleted
 * @param message the tip's message when the payload carries it, else {@code null}
 */
record PushEvent(String branch, String commitId, String message, boolean deleted) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADS = "refs/heads/";

    /** @throws IllegalArgumentException when the body is not a JSON object with a {@code ref} */
    static PushEvent parse(byte[] body, boolean deleteEvent) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "The webhook body is not JSON (set the content type to application/json)");
        }
        if (root == null || !root.isObject() || !root.path("ref").isString()) {
            throw new IllegalArgumentException("The webhook body has no \"ref\": not a push event");
        }
        String ref = root.path("ref").asString();
        if (deleteEvent) {
            boolean branch = "branch".equals(root.path("ref_type").asString(""));
            return new PushEvent(branch ? stripHeads(ref) : null, null, null, true);
        }
        String branch = ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : null;
        String after = root.path("after").asString("");
        boolean deleted = root.path("deleted").asBoolean(false) || after.isEmpty() || after.matches("0+");
        if (deleted) {
            return new PushEvent(branch, null, null, true);
        }
        return new PushEvent(branch, after, message(root, after), false);
    }

    private static String message(JsonNode root, String after) {
        JsonNode head = root.path("head_commit");
        if (head.isObject() && after.equals(head.path("id").asString(""))) {
            return head.path("message").asString(null);
        }
        for (JsonNode commit : root.path("commits")) {
            if (after.equals(commit.path("id").asString(""))) {
                return commit.path("message").asString(null);
            }
        }
        return null;
    }

    private static String stripHeads(String ref) {
        return ref.startsWith(HEADS) ? ref.substring(HEADS.length()) : ref;
    }
}
