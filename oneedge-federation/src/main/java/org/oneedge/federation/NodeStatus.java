package org.oneedge.federation;

/** Liveness of a node as the registry's health monitor judges it from heartbeats. Label {@code status:<NAME>}. */
public enum NodeStatus {
    UP, DOWN
}
