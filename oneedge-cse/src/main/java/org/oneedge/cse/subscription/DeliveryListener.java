package org.oneedge.cse.subscription;

import org.oneedge.model.Response;

/** Learns how deliveries ended, so that {@code exc} and {@code nu} bookkeeping can follow (digest §6.7). */
public interface DeliveryListener {

    /** The target answered with a success status. */
    void delivered(Delivery delivery);

    /**
     * Every attempt failed.
     *
     * @param lastResponse the last answer, e.g. 5103 TARGET_NOT_REACHABLE or 4008 REQUEST_TIMEOUT
     */
    void failed(Delivery delivery, Response lastResponse);
}
