package org.oneedge.binding.mqtt.primitive;

import org.oneedge.model.OneM2MException;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * A payload that is not a valid oneM2M primitive (TS-0004 7.2.1); carries the {@code rqi} when it could still be
 * read so that the 4000 BAD_REQUEST answer can be matched by the originator.
 */
public final class MalformedPrimitiveException extends OneM2MException {
    private final String requestId;

    public MalformedPrimitiveException(String message, String requestId) {
        super(ResponseStatusCode.BAD_REQUEST, message);
        this.requestId = requestId;
    }

    /** The {@code rqi} of the malformed primitive, or null when it could not be read. */
    public String requestId() {
        return requestId;
    }

    @Override
    public Response toResponse() {
        return super.toResponse().withRequestId(requestId);
    }
}
