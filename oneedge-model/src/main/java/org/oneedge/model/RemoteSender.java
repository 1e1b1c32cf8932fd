package org.oneedge.model;

/**
 * Sends a request to a point of access given as a URL ({@code http://…}, {@code mqtt://…}): notifications to
 * subscribers, verification requests, requests forwarded to remote CSEs. The CSE engine holds one per URL scheme;
 * bindings provide them. Failures come back as responses ({@link ResponseStatusCode#TARGET_NOT_REACHABLE},
 * {@link ResponseStatusCode#REQUEST_TIMEOUT}), never as exceptions.
 */
public interface RemoteSender {

    /** True when this sender can reach URLs of this form, e.g. those starting with {@code http://}. */
    boolean supports(String pointOfAccess);

    Response send(String pointOfAccess, Request request);
}
