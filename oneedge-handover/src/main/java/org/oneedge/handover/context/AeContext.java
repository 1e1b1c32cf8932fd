package org.oneedge.handover.context;

import java.util.List;

/**
 * The service context of one AE that moves with it (HANDOVER.md "Context transfer"): the AE resource and its child
 * tree (oldest first, parents before children), the subscriptions it owns, and its uplink window.
 *
 * @param aeId          the AE-ID
 * @param sourceCseId   SP-relative CSE-ID of the CSE it was exported from, e.g. {@code /id-mn1}
 * @param sourceBase    CSEBase name there, e.g. {@code cse-mn1}
 * @param resources     AE, containers with their newest instances, flexContainers, …; subscriptions excluded
 * @param subscriptions subscriptions below the AE, re-created at the target through the engine
 * @param uplinkWindow  the AE's {@code UplinkWindow} in transfer form, or null
 * @param sizeBytes     size of the context as JSON
 */
public record AeContext(String aeId, String sourceCseId, String sourceBase, List<ContextResource> resources, List<ContextResource> subscriptions,
                        String uplinkWindow, long sizeBytes) {

    public AeContext {
        resources = List.copyOf(resources);
        subscriptions = List.copyOf(subscriptions);
    }

    public int resourceCount() {
        return resources.size() + subscriptions.size();
    }
}
