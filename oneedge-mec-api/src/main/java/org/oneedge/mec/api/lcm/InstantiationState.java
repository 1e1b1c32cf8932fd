package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppInstanceInfo.instantiationState}. */
public enum InstantiationState { NOT_INSTANTIATED, INSTANTIATED }
