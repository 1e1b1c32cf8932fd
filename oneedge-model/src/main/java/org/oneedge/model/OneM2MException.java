package org.oneedge.model;

/**
 * The one unchecked exception that carries a response status code, for the rare failure that must unwind
 * several frames (e.g. a codec meeting malformed content). Handlers otherwise return {@link Response} values.
 */
public class OneM2MException extends RuntimeException {
    private final ResponseStatusCode statusCode;

    public OneM2MException(ResponseStatusCode statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public ResponseStatusCode statusCode() {
        return statusCode;
    }

    public Response toResponse() {
        return Response.error(statusCode, getMessage());
    }
}
