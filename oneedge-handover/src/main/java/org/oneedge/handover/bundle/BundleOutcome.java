package org.oneedge.handover.bundle;

import java.util.List;
import org.oneedge.handover.transaction.HandoverTransaction;
import org.oneedge.handover.transaction.ReasonCode;

/**
 * How a bundled handover ended: all AEs moved ({@code completed}) or none did, with the transaction of each AE (in
 * re-registration order) and, when rolled back, the AE whose failure aborted the bundle and why.
 *
 * @param bundleId     the bundle's transaction id
 * @param completed    true when every AE is served by the target
 * @param targetCseId  the target asked for
 * @param order        the AE-IDs in the order they were re-registered at the target (priority order)
 * @param transactions one transaction per AE, same order
 * @param failedAeId   the AE that failed, or null
 * @param reason       why the bundle was rolled back, or null
 */
public record BundleOutcome(String bundleId, boolean completed, String targetCseId, List<String> order,
                            List<HandoverTransaction> transactions, String failedAeId, ReasonCode reason) {

    public BundleOutcome {
        order = List.copyOf(order);
        transactions = List.copyOf(transactions);
    }
}
