package dev.dropdeploy.account;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Optional;

/**
 * A new password typed twice, the way sign-up and password reset ask for it, with the page's problem line: one place
 * for the length hint and the "differ" check, so both pages say the same thing.
 */
final class NewPassword {

    final PasswordField password;
    final PasswordField repeat;
    final Paragraph problem = new Paragraph();

    /** {@code idPrefix} names the fields for browser tests: {@code <prefix>-password}, {@code -repeat}, {@code -problem}. */
    NewPassword(String label, String idPrefix) {
        password = new PasswordField(label);
        repeat = new PasswordField(label + " again");
        password.setId(idPrefix + "-password");
        repeat.setId(idPrefix + "-repeat");
        password.setHelperText("At least " + Accounts.MIN_PASSWORD_LENGTH + " characters");
        problem.setId(idPrefix + "-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    /** The password when both fields agree; otherwise shows why on the problem line. */
    Optional<String> typed() {
        if (!password.getValue().equals(repeat.getValue())) {
            problem.setText("The two passwords differ");
            return Optional.empty();
        }
        return Optional.of(password.getValue());
    }
}
