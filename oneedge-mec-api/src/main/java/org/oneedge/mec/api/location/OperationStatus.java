package org.oneedge.mec.api.location;

/** Operational state of an access point (MEC 013 {@code OperationStatus}). */
public enum OperationStatus {
    Serviceable,
    Unserviceable,
    Unknown
}
