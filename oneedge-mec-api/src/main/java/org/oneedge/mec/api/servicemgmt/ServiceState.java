package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code ServiceState} of a registered MEC service (MecServiceMgmtApi.yaml). */
public enum ServiceState { ACTIVE, INACTIVE, SUSPENDED }
