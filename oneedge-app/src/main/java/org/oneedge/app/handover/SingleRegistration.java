package org.oneedge.app.handover;

import java.util.Optional;
import org.oneedge.handover.registry.FencingGuard;
import org.oneedge.handover.registry.ServingEntry;
import org.oneedge.handover.registry.ServingState;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * Single registration at an MN-CSE front (HANDOVER.md "Single registration"): a registration (CREATE of an
 * {@code <AE>}) whose AE-ID the serving registry shows served by another CSE is fenced by the handover node; this
 * answers it with the registration's own code, 4117 ORIGINATOR_HAS_ALREADY_REGISTERED (TS-0004 7.4.5, digest
 * "AE registration"), instead of the write fence 4127, keeping the {@code oe:hoSrv} entry that names the serving
 * CSE. Every other request and answer passes unchanged (devices following a fence on writes still see 4127).
 */
public final class SingleRegistration implements CseClient {

    private final CseClient front;

    /** @param front the MN-CSE's handover front (fencing included) */
    public SingleRegistration(CseClient front) {
        this.front = front;
    }

    @Override
    public Response send(Request request) {
        Response r = front.send(request);
        boolean registration = request.operation() == Operation.CREATE && request.resourceType() != null
                && request.resourceType() == ResourceType.AE.ty();
        if (!registration || r.statusCode() != ResponseStatusCode.OPERATION_DENIED_BY_REMOTE_ENTITY
                || request.from() == null) {
            return r;
        }
        Optional<ServingEntry> named = FencingGuard.named(request.from(), r);
        if (named.isEmpty() || named.get().state() != ServingState.SERVING) {
            return r; // migrating: the device is told to wait and resend, as for any write
        }
        return new Response(ResponseStatusCode.ORIGINATOR_HAS_ALREADY_REGISTERED, r.requestId(), r.content(),
                r.from(), r.to(), r.releaseVersion(), r.contentLocation(), r.contentStatus(), r.contentOffset(),
                r.originatingTimestamp());
    }
}
