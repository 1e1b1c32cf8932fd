package org.oneedge.bench.handover;

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
