package org.oneedge.federation.roles;

import org.oneedge.federation.FederationRole;

/**
 * One change of role holders: {@code role} taken from {@code from} (null when a free slot was filled) and given to
 * {@code to} (null when no eligible node was left), with why.
 */
public record RoleChange(FederationRole role, String from, String to, String reason) {

    @Override
    public String toString() {
        return "role " + role + " " + (from == null ? "assigned" : "moved from " + from) + " to "
                + (to == null ? "nobody" : to) + " (" + reason + ")";
    }
}
