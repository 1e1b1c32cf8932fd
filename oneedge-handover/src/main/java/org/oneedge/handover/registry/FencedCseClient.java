package org.oneedge.handover.registry;

import java.util.OptionalLong;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;

/**
 * Puts a {@link FencingGuard} in front of an MN-CSE (a decorator of its {@link CseClient}, so bindings and
 * in-process clients reach the engine only through it). A write (CREATE, UPDATE, DELETE) whose originator is an AE
 * under handover control is refused with 4127/4103 when this CSE does not serve the AE or the epoch the writer
 * carries is stale. The epoch travels in the request's {@code vsi} (vendorInformation) as {@code oe-epoch=N}.
 *
 * <p>Chosen over an engine {@code AccessChecker} because a checker can only answer a bare 4103, while fencing must
 * name the epochs, and because it leaves the CSE's access control policies untouched.
 */
public final class FencedCseClient implements CseClient {

    /** Prefix of the epoch a writer carries in {@code vsi}. */
    public static final String EPOCH_PREFIX = "oe-epoch=";

    private final CseClient cse;
    private final FencingGuard guard;

    public FencedCseClient(CseClient cse, FencingGuard guard) {
        this.cse = cse;
        this.guard = guard;
    }

    @Override
    public Response send(Request request) {
        Operation op = request.operation();
        if (request.from() != null && (op == Operation.CREATE || op == Operation.UPDATE || op == Operation.DELETE)) {
            FencingDecision decision = guard.check(request.from(), carriedEpoch(request));
            if (decision instanceof FencingDecision.Fenced fenced) {
                return FencingGuard.refusal(fenced).withRequestId(request.requestId())
                        .withReleaseVersion(request.releaseVersion());
            }
        }
        return cse.send(request);
    }

    /** The epoch in {@code vsi}, if the request carries one. */
    public static OptionalLong carriedEpoch(Request request) {
        String vsi = request.vendorInformation();
        if (vsi == null || !vsi.startsWith(EPOCH_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(vsi.substring(EPOCH_PREFIX.length()).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
