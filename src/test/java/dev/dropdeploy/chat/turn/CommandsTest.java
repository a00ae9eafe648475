package dev.dropdeploy.chat.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void undoInItsCommonWordingsGoesToThePreviousVersion() {
        for (String text :
                new String[] {"undo", "Undo!", "undo that", "revert the last change", "go back", "roll back"}) {
            assertThat(Commands.rollbackTarget(text)).as(text).hasValue(Commands.PREVIOUS);
        }
    }

    @Test
    void goBackToVersionNamesTheVersion() {
        assertThat(Commands.rollbackTarget("go back to version 2")).hasValue(2);
        assertThat(Commands.rollbackTarget("Please roll back to v12.")).hasValue(12);
    }

    @Test
    void requestsThatOnlyMentionUndoingAreForTheModel() {
        assertThat(Commands.rollbackTarget("add an undo button")).isEqualTo(OptionalInt.empty());
        assertThat(Commands.rollbackTarget("go back to the old colours but keep the table"))
                .isEmpty();
    }
}
