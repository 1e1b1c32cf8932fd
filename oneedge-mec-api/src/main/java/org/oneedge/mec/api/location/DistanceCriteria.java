package org.oneedge.mec.api.location;

/** When a {@link UserDistanceSubscription} notifies (MEC 013 {@code DistanceCriteria}). */
public enum DistanceCriteria {
    AllWithinDistance,
    AnyWithinDistance,
    AllBeyondDistance,
    AnyBeyondDistance
}
