package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dropdeploy.account.SignUpPolicy.Admission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignUpPolicyTest {

    @ParameterizedTest
    @EnumSource(SignUpPolicy.class)
    void theFirstAccountBecomesAdministratorWhateverThePolicy(SignUpPolicy policy) {
        assertThat(policy.admit(true, false)).isEqualTo(Admission.ADMINISTRATOR);
    }

    @Test
    void aClosedInstallationRefusesEveryLaterSignUpEvenWithAnInvite() {
        assertThat(SignUpPolicy.CLOSED.admit(false, false)).isEqualTo(Admission.REFUSED);
        assertThat(SignUpPolicy.CLOSED.admit(false, true)).isEqualTo(Admission.REFUSED);
    }

    @Test
    void underInvitePolicyOnlyASignUpWithAnInviteGoesOn() {
        assertThat(SignUpPolicy.INVITE.admit(false, true)).isEqualTo(Admission.MEMBER_BY_INVITE);
        assertThat(SignUpPolicy.INVITE.admit(false, false)).isEqualTo(Admission.REFUSED);
    }

    @Test
    void anOpenInstallationAdmitsAnyoneAndLeavesAnInviteUnused() {
        assertThat(SignUpPolicy.OPEN.admit(false, false)).isEqualTo(Admission.MEMBER);
        assertThat(SignUpPolicy.OPEN.admit(false, true)).isEqualTo(Admission.MEMBER);
    }

    @Test
    void aRefusalSaysPlainlyWhatToDo() {
        assertThat(SignUpPolicy.CLOSED.refusal())
                .isEqualTo("Sign-up is closed on this installation; ask its administrator for an invite");
        assertThat(SignUpPolicy.INVITE.refusal()).contains("invitation").contains("invite link");
    }
}
