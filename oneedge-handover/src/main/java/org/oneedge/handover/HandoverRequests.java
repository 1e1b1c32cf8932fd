package org.oneedge.handover;

import java.util.Optional;

/**
 * The way a device asks for its own handover (HANDOVER.md trigger 4), as the device SDK sees it: move this AE to the
 * named target, or to the best candidate when none is named. Implemented by {@code trigger.DeviceInitiatedTrigger}; in a
 * deployment by a oneM2M request to the coordinator.
 */
@FunctionalInterface
public interface HandoverRequests {

    /**
     * @param target the CSE-ID wanted, or null for the best candidate
     * @return the CSE-ID now serving the AE when it moved, empty when it did not
     */
    Optional<String> request(String aeId, String target, String reason);
}
