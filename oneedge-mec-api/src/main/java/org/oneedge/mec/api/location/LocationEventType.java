package org.oneedge.mec.api.location;

/** User location event kinds (MEC 013 {@code LocationEventType}). */
public enum LocationEventType {
    ENTERING_AREA_EVENT,
    LEAVING_AREA_EVENT
}
