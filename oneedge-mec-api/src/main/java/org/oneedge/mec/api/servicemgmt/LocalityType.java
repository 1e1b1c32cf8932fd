package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code LocalityType}: the scope within which a service is offered ({@code scopeOfLocality}). */
public enum LocalityType { MEC_SYSTEM, MEC_HOST, NFVI_POP, ZONE, ZONE_GROUP, NFVI_NODE }
