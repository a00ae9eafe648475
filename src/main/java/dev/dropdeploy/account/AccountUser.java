package dev.dropdeploy.account;

import java.io.Serializable;
import java.util.UUID;

/** Who is acting, as other modules see them. Carried in the security context, so it stays small and serializable. */
public record AccountUser(UUID id, String username, boolean admin) implements Serializable {

    /**
     * Whether this user may see and change something owned by {@code ownerId}. Admins may reach everything, including
     * projects made before accounts existed (no owner), which nobody else can reach.
     */
    public boolean mayAccess(UUID ownerId) {
        return admin || (ownerId != null && ownerId.equals(id));
    }
}
