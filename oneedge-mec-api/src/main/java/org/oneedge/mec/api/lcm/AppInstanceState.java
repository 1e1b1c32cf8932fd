package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code appInstanceState} of instance state change subscriptions and notifications. */
public enum AppInstanceState { NOT_INSTANTIATED, STARTED, STOPPED }
