package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code lcmOperation} / {@code operationType}. */
public enum LcmOperation { INSTANTIATE, OPERATE, TERMINATE }
