package dev.dropdeploy.chat.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The result of checking and applying an answer: new contents, or the reasons nothing was applied. */
public sealed interface Outcome {

    /**
     * @param writes every file whose content is new or changed, by path
     * @param deletions paths to remove
     */
    record Applied(Map<String, String> writes, Set<String> deletions, List<FileChange> changes) implements Outcome {}

    /** Nothing is applied; {@code problems} are phrased for the model. */
    record Rejected(List<String> problems) implements Outcome {

        /** The message that asks the model for a corrected answer. */
        public String reask() {
            return "Your last answer was NOT applied; no file was changed. Problems:\n- "
                    + String.join("\n- ", problems)
                    + "\nSend the whole answer again with these fixed: every <file>, <edit> and <delete> of this turn, "
                    + "then the <summary>. Write complete files, never placeholders for unchanged code.";
        }
    }
}
