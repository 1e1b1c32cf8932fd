package org.oneedge.cse.polling;

import org.oneedge.model.RemoteSender;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/**
 * The {@link RemoteSender} for entities reached through their polling channel (TS-0004 7.5.1.2.7, digest §6.7): the
 * address {@code oneedge-poll:<ri>} names the entity's queue; "sending" queues the request and answers 2000 at once
 * (the entity's own answer arrives later as {@code m2m:rsp} on {@code pcu} and is logged), or 5103 when the queue is
 * full. So the notification dispatcher keeps its per-target order and the subscription keeps its target.
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
        return mailboxes.offer(owner, request) ? Response.of(ResponseStatusCode.OK, null)
                : Response.error(ResponseStatusCode.TARGET_NOT_REACHABLE,
                        "the polling channel queue of " + owner + " is full");
    }
}
