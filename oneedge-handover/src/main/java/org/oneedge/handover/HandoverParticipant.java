package org.oneedge.handover;

import java.util.Optional;
import org.oneedge.handover.context.AeContext;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.token.TokenVerification;

/**
 * What the {@link HandoverCoordinator} asks of an MN-CSE taking part in a handover (HANDOVER.md "Handover
 * transaction"), so the coordinator drives a node in its own JVM ({@link HandoverNode}) and one in another process
 * ({@link org.oneedge.handover.remote.RemoteHandoverParticipant}) alike.
 */
public interface HandoverParticipant {

    /** SP-relative CSE-ID, e.g. {@code /id-mn1}. */
    String cseId();

    /** Target side: accepts the coordinator's token for the AE at the registry's current epoch. */
    TokenVerification admit(String token, String aeId, long currentEpoch);

    /** Source side: the AE's context with its uplink window, after in-flight writes for it have finished. */
    Optional<AeContext> export(String aeId, int maxInstances);

    /** Target side: installs the context and its uplink window; returns resources created. */
    int importContext(AeContext context);

    /** Removes the AE here (idempotent); the source after the switch, a target on rollback. */
    boolean release(String aeId);

    /** True when the AE is registered here. */
    boolean hosts(String aeId);

    /** Source side after a rollback: the window exported with the context comes back. */
    void restoreWindow(AeContext context);

    /**
     * The coordinator tells a participant the registry entry it just committed (switch or rollback), so the node
     * admits or refuses the AE's writes without asking the registry. A hint only: a node that misses it asks the
     * registry. Default: ignored.
     */
    default void servingChanged(String aeId, ServingEntry now) {
    }
}
