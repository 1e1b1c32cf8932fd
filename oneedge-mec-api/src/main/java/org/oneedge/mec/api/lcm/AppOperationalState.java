package org.oneedge.mec.api.lcm;

/** MEC 010-2 operational state of an instantiated app ({@code InstantiatedAppState.operationalState}, {@code changeStateTo}). */
public enum AppOperationalState { STARTED, STOPPED }
