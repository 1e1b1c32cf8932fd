package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code ServiceReferences.changeType}: what happened to a service in a {@code ServiceAvailabilityNotification}. */
public enum ChangeType { ADDED, REMOVED, STATE_CHANGED, ATTRIBUTES_CHANGED }
