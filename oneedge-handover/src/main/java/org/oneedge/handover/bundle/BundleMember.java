package org.oneedge.handover.bundle;

/**
 * One AE of a device's bundle and its priority: higher priorities re-register at the target first (HANDOVER.md
 * "Bundles": "AE priorities order their re-registration"); equal priorities go in AE-ID order.
 */
public record BundleMember(String aeId, int priority) {

    public BundleMember {
        if (aeId == null || aeId.isBlank()) {
            throw new IllegalArgumentException("a bundle member needs an AE-ID");
        }
    }
}
