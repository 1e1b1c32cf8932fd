package org.oneedge.cse.polling;

import org.oneedge.model.OneM2MException;
import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@link RemoteSender} for notifications to entities reached through their polling channel (TS-0004 7.5.1.2.7,
 * digest §6.7): the address {@code oneedge-poll:<ri>} names the entity's queue; "sending" queues the notification and
 * answers 2000 at once, or 5103 when the queue is full. The entity's answer (its {@code m2m:rsp} on {@code pcu})
 * confirms the delivery and is otherwise only logged: the notification dispatcher must not wait for an entity that
 * polls whenever it likes, and this keeps its per-target order and the subscription keeps its target. Requests that
 * wait for the entity's answer go through {@link PollingChannelDelivery} instead.
 */
public final class PollingChannelSender implements RemoteSender {

    /** The address scheme of polling-channel queues; not a wire protocol. */
    public static final String SCHEME = "oneedge-poll:";

    private final Mailboxes mailboxes;

    PollingChannelSender(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** The queue address of an entity ({@code <AE>} or {@code <remoteCSE>} ri). */
    public static String address(String ownerRi) {
        return SCHEME + ownerRi;
    }

    @Override
    public boolean supports(String pointOfAccess) {
        return pointOfAccess.startsWith(SCHEME);
    }

    @Override
    public Response send(String pointOfAccess, Request request) {
        String owner = pointOfAccess.substring(SCHEME.length());
        try {
            mailboxes.offer(owner, request);
            return Response.of(ResponseStatusCode.OK, null);
        } catch (OneM2MException e) {
            return e.toResponse();
        }
    }
}
