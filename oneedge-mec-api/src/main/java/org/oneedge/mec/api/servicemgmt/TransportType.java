package org.oneedge.mec.api.servicemgmt;

/** MEC 011 {@code TransportType}: the kind of transport a service is reached by. */
public enum TransportType { REST_HTTP, MB_TOPIC_BASED, MB_ROUTING, MB_PUBSUB, RPC, RPC_STREAMING, WEBSOCKET }
