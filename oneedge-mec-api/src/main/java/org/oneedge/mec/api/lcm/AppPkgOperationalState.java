package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppPkgInfo.operationalState}: whether new instances may be created from the package. */
public enum AppPkgOperationalState { ENABLED, DISABLED }
