package org.oneedge.bench.handover;

import java.time.Duration;
import java.util.List;
import org.oneedge.handover.HandoverCoordinator;
import org.oneedge.handover.continuity.DownlinkRouter;
import org.oneedge.handover.registry.ServingRegistry;
import org.oneedge.model.CseClient;

/**
 * The topology the handover bench drives: an IN-CSE holding the serving registry and the transactions, MN-CSEs the
 * devices move between, the coordinator and the downlink router (both at the IN-CSE's side), and the tally of what
 * the MN-CSEs stored. {@link InJvmSites} runs it in this JVM, {@link ProcessSites} as child JVMs.
 */
interface HandoverSites extends AutoCloseable {

    /**
     * Longest time the bench's downlink router holds a downlink for a migrating device before dropping it (then
     * counted as lost). Five minutes rather than a deployment's tens of seconds: the bench counts delivery, and with
     * 1,000 devices across processes on two cores a device is frozen for a handover every half minute while each
     * request waits seconds, so a 30 s bound dropped 498 of 112,520 accepted downlinks (hold p99 29.6 s).
     */
    Duration DOWNLINK_MAX_HOLD = Duration.ofMinutes(5);

    /** CSE-IDs of the MN-CSEs, e.g. {@code /id-mn1}, in order. */
    List<String> mnCseIds();

    /** CSEBase name of an MN-CSE. */
    String base(String cseId);

    /** Reaches an MN-CSE over HTTP (devices, downlinks). */
    CseClient mn(String cseId);

    /** The serving registry as the devices read it (over HTTP from the IN-CSE). */
    ServingRegistry deviceRegistry();

    /** The serving registry as the coordinator writes it. */
    ServingRegistry registry();

    HandoverCoordinator coordinator();

    DownlinkRouter downlinks();

    /** What the MN-CSEs stored, merged. */
    MessageTally tally();

    @Override
    void close();
}
