package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppPkgInfoModifications}: enable or disable a package (PATCH). */
public record AppPkgInfoModifications(AppPkgOperationalState operationalState) {

    public AppPkgInfoModifications {
        if (operationalState == null) {
            throw new IllegalArgumentException("operationalState is required (ENABLED or DISABLED)");
        }
    }
}
