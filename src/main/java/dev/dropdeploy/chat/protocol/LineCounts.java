package dev.dropdeploy.chat.protocol;

import java.util.HashMap;
import java.util.Map;

/** Lines added and removed between two texts, counted as multisets: cheap and right for a chip's "+3 −1". */
final class LineCounts {

    private LineCounts() {}

    static int[] diff(String before, String after) {
        Map<String, Integer> counts = new HashMap<>();
        before.lines().forEach(l -> counts.merge(l, 1, Integer::sum));
        int added = 0;
        for (String line : (Iterable<String>) after.lines()::iterator) {
            Integer left = counts.get(line);
            if (left == null || left == 0) {
                added++;
            } else {
                counts.put(line, left - 1);
            }
        }
        int removed = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new int[] {added, removed};
    }
}
