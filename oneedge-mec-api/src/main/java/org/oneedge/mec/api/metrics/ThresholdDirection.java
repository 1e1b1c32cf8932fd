package org.oneedge.mec.api.metrics;

/** Which crossing of a threshold is notified: rising ABOVE it or falling BELOW it. */
public enum ThresholdDirection { ABOVE, BELOW }
