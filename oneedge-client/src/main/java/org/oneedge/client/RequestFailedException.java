package org.oneedge.client;

import org.oneedge.model.OneM2MException;
import org.oneedge.model.Response;

/**
 * Thrown by {@link OneM2MClient} when the CSE answers with an error status code; carries the whole {@link Response}
 * (status code, {@code m2m:dbg} message, request id) so the caller can decide what to do.
 */
public final class RequestFailedException extends OneM2MException {

    private final transient Response response;

    public RequestFailedException(String what, Response response) {
        super(response.statusCode(), what + " failed: " + response.statusCode().code() + " "
                + response.statusCode() + (response.debugMessage() == null ? "" : ": " + response.debugMessage()));
        this.response = response;
    }

    public Response response() {
        return response;
    }
}
