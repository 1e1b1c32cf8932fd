package org.oneedge.mec.platform.http;

/** Handles one MEC API request; throw {@link org.oneedge.mec.api.common.MecProblemException} for error answers. */
@FunctionalInterface
public interface MecHandler {
    void handle(MecExchange exchange) throws Exception;
}
