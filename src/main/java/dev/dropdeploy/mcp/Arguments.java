package dev.dropdeploy.mcp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** A tool call's arguments, read strictly: a missing or mistyped one is refused by name. */
final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    String text(String name) {
        if (!(values.get(name) instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must be a non-empty string");
        }
        return text;
    }

    String optionalText(String name, String fallback) {
        Object value = values.get(name);
        return value == null ? fallback : text(name);
    }

    int number(String name) {
        return optionalNumber(name).orElseThrow(() -> new IllegalArgumentException("'" + name + "' is required"));
    }

    OptionalInt optionalNumber(String name) {
        Object value = values.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number");
        }
        long whole = number.longValue();
        if (whole < 0 || whole > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + name + "' is out of range");
        }
        return OptionalInt.of((int) whole);
    }

    /** An object of string values, such as file paths to their contents. */
    Map<String, String> textMap(String name) {
        if (!(values.get(name) instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' must be an object of paths to file contents");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException("'" + name + "." + key + "' must be the file's text");
            }
            texts.put(String.valueOf(key), text);
        });
        return texts;
    }
}
