package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code stopType} / {@code terminationType}: FORCEFUL at once, GRACEFUL after the app confirms or times out. */
public enum StopType { FORCEFUL, GRACEFUL }
