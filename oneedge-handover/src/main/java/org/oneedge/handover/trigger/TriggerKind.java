package org.oneedge.handover.trigger;

/** The five handover triggers of the interworking study (HANDOVER.md "Triggers"), all ending in the same transaction. */
public enum TriggerKind {
    /** MEC 021 AMS announced an inter-host move-out of the device. */
    MEC_ASSISTED,
    /** MEC 012 measurement reports: a neighbour cell on another MEC host is better (A3-like). */
    SIGNAL_QUALITY,
    /** Platform metrics: the serving MEC host is overloaded. */
    LOAD_BALANCING,
    /** The device SDK asked for it. */
    DEVICE_INITIATED,
    /** A CMDH-style handover policy demands it. */
    POLICY
}
