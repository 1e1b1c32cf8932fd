package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppPkgInfo.usageState}: whether instances of the package exist. */
public enum UsageState { IN_USE, NOT_IN_USE }
