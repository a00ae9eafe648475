package dev.dropdeploy.chat.protocol;

/** What a turn did to one file, for the chat's chips: {@code index.html  added  +120}. */
public record FileChange(String path, Kind kind, int linesAdded, int linesRemoved) {

    public enum Kind {
        ADDED,
        CHANGED,
        DELETED
    }

    public String label() {
        return switch (kind) {
            case ADDED -> "added";
            case CHANGED -> "changed";
            case DELETED -> "deleted";
        };
    }
}
