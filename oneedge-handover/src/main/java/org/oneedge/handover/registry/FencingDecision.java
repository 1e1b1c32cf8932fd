package org.oneedge.handover.registry;

import org.oneedge.model.ResponseStatusCode;

/** Whether a CSE may accept a write for an AE, and if not the status and message to answer with. */
public sealed interface FencingDecision {

    /** The write may proceed. */
    record Allowed() implements FencingDecision {
    }

    /**
     * The write must be refused; nothing is stored.
     *
     * @param entry the serving entry the refusal was decided on (names the serving CSE now), or null
     */
    record Fenced(ResponseStatusCode statusCode, String message, ServingEntry entry) implements FencingDecision {

        public Fenced(ResponseStatusCode statusCode, String message) {
            this(statusCode, message, null);
        }
    }
}
