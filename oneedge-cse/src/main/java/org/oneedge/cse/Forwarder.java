package org.oneedge.cse;

import org.oneedge.model.Address;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Sends on a request addressed to another CSE (TS-0001 10.2.3 "Retargeting", digest §4.3 "Forwarding"). The engine
 * calls it for every request whose {@code to} names a different CSE-ID or SP-ID. The Mcc issue provides the real one
 * (remoteCSE lookup, {@code poa}, registrar); until then {@link #none()} answers 4004.
 */
@FunctionalInterface
public interface Forwarder {

    Response forward(Request request, Address target);

    /**
     * Hands a NOTIFY addressed to a local {@code <AE>} or {@code <remoteCSE>} on to that entity (TS-0004 7.3.2.6
     * retargeting, e.g. a notification forwarded from another CSE to {@code /id-mn1/CAE1}); default: 4005.
     */
    default Response deliver(Request request, org.oneedge.cse.store.Resource entity) {
        return Response.error(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                "NOTIFY is not supported for '" + request.to() + "'");
    }

    /** Knows no other CSE: 4004 naming the unknown CSE-ID. */
    static Forwarder none() {
        return (request, target) -> Response.error(ResponseStatusCode.NOT_FOUND,
                "unknown CSE-ID " + (target.spId() == null ? "" : "//" + target.spId()) + target.cseId()
                        + ": target '" + request.to() + "' is not on this CSE and no route to it is known");
    }
}
