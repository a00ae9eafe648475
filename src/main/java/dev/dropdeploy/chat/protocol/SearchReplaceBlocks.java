package dev.dropdeploy.chat.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads Aider-style SEARCH/REPLACE pairs, forgiving marker length and surrounding spaces. */
final class SearchReplaceBlocks {

    private static final Pattern SEARCH = Pattern.compile("^\\s*<{5,9}\\s*SEARCH\\s*$");
    private static final Pattern DIVIDER = Pattern.compile("^\\s*={5,9}\\s*$");
    private static final Pattern REPLACE = Pattern.compile("^\\s*>{5,9}\\s*REPLACE\\s*$");

    private SearchReplaceBlocks() {}

    /** @throws IllegalArgumentException when a pair is incomplete or there is none */
    static List<Block.Replacement> parse(String body) {
        List<Block.Replacement> pairs = new ArrayList<>();
        StringBuilder search = null;
        StringBuilder replace = null;
        for (String line : body.split("\n", -1)) {
            String bare = line.stripTrailing();
            if (SEARCH.matcher(bare).matches()) {
                search = new StringBuilder();
                replace = null;
            } else if (search != null
                    && replace == null
                    && DIVIDER.matcher(bare).matches()) {
                replace = new StringBuilder();
            } else if (replace != null && REPLACE.matcher(bare).matches()) {
                pairs.add(new Block.Replacement(search.toString(), replace.toString()));
                search = null;
                replace = null;
            } else if (replace != null) {
                replace.append(line).append('\n');
            } else if (search != null) {
                search.append(line).append('\n');
            }
        }
        if (search != null) {
            throw new IllegalArgumentException("has a SEARCH block without its ======= and >>>>>>> REPLACE lines");
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("contains no <<<<<<< SEARCH / ======= / >>>>>>> REPLACE block");
        }
        return pairs;
    }
}
