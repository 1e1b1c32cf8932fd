package org.oneedge.handover.registry;

/** Where an AE stands in the serving registry (HANDOVER.md "Serving registry"). */
public enum ServingState {
    /** One CSE serves the AE and accepts its requests. */
    SERVING,
    /** A handover transaction holds the entry; the serving CSE still serves until the switch commits. */
    MIGRATING,
    /** The AE deregistered or was released; no CSE serves it. */
    RELEASED
}
