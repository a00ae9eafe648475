package dev.dropdeploy.detect.scaffold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The pasted files as the steps have repaired them so far, plus what the steps have added. */
public final class Scaffold {

    private final Map<String, String> files;
    private final Map<String, String> changed = new LinkedHashMap<>();
    private final Map<String, String> added = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String startCommand;

    public Scaffold(Map<String, String> files) {
        this.files = new LinkedHashMap<>(files);
    }

    /** A step of the scaffolder; kept as a named type so the order of steps reads as a list. */
    public interface Step extends Consumer<Scaffold> {}

    /** The pasted files, with the repairs of earlier steps. */
    Map<String, String> files() {
        return java.util.Collections.unmodifiableMap(files);
    }

    boolean has(String path) {
        return files.containsKey(path) || added.containsKey(path);
    }

    /** A file's text as the steps left it: repaired, or added by an earlier step; empty when there is none. */
    String content(String path) {
        return files.getOrDefault(path, added.getOrDefault(path, ""));
    }

    List<String> withExtension(String... extensions) {
        return files.keySet().stream()
                .filter(p -> java.util.Arrays.stream(extensions).anyMatch(e -> p.endsWith("." + e)))
                .sorted()
                .toList();
    }

    void add(String path, String content, String note) {
        added.put(path, content);
        notes.add(note);
    }

    /** A repair of a pasted file that a person would obviously make; later steps see the repaired text. */
    void change(String path, String content, String note) {
        files.put(path, content);
        changed.put(path, content);
        notes.add(note);
    }

    void start(String command, String note) {
        if (startCommand == null) {
            startCommand = command;
            notes.add(note);
        }
    }

    public Map<String, String> changed() {
        return changed;
    }

    public Map<String, String> added() {
        return added;
    }

    public List<String> notes() {
        return notes;
    }

    public String startCommand() {
        return startCommand;
    }
}
