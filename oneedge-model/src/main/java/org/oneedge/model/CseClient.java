package org.oneedge.model;

/**
 * Sends a oneM2M request and returns its response, whatever lies between: an in-process CSE, HTTP or MQTT.
 * Domain code (IPE, federation, handover, FL) talks to CSEs only through this, so the same code runs in one JVM
 * in tests and across the network in deployments. Transport failures come back as responses
 * ({@link ResponseStatusCode#TARGET_NOT_REACHABLE}, {@link ResponseStatusCode#REQUEST_TIMEOUT}), never as exceptions.
 */
@FunctionalInterface
public interface CseClient {
    Response send(Request request);
}
