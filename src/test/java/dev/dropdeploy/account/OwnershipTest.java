package dev.dropdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    final UUID annId = UUID.randomUUID();
    final AccountUser ann = new AccountUser(annId, "ann", false);
    final AccountUser bob = new AccountUser(UUID.randomUUID(), "bob", false);
    final AccountUser admin = new AccountUser(UUID.randomUUID(), "root", true);

    @Test
    void anOwnerMayReachTheirOwnProject() {
        assertThat(ann.mayAccess(annId)).isTrue();
    }

    @Test
    void anotherUserMayNotReachIt() {
        assertThat(bob.mayAccess(annId)).isFalse();
    }

    @Test
    void anAdminMayReachEveryonesProject() {
        assertThat(admin.mayAccess(annId)).isTrue();
    }

    @Test
    void aProjectFromBeforeAccountsIsOnlyForAdmins() {
        assertThat(ann.mayAccess(null)).isFalse();
        assertThat(admin.mayAccess(null)).isTrue();
    }

    @Test
    void anAdminCarriesTheAdminRoleAndEveryoneTheUserRole() {
        assertThat(SignedInUser.withoutPassword(admin).getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
        assertThat(SignedInUser.withoutPassword(bob).getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_USER");
    }
}
