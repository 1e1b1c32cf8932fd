package org.oneedge.federation;

/** A job the federation hands to selected nodes by capability rules. Label {@code role:<NAME>}. */
public enum FederationRole {
    /** Coordinates service-layer handovers for a zone (HANDOVER.md). */
    HANDOVER_ANCHOR,
    /** Runs swarm computing tasks. */
    SWARM_WORKER,
    /** Takes part in federated learning rounds. */
    FL_PARTICIPANT
}
