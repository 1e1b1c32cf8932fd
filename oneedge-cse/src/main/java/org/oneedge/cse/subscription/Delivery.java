package org.oneedge.cse.subscription;

import org.oneedge.model.Request;

/**
 * One NOTIFY to send to one notification target on behalf of one subscription.
 *
 * @param subscriptionRi the subscription it belongs to, for logs and for removing a dead target from {@code nu}
 * @param target         the {@code nu} (or {@code su}) entry as the subscriber wrote it
 * @param url            the point of access the request goes to
 * @param request        the NOTIFY request
 */
public record Delivery(String subscriptionRi, String target, String url, Request request) {}
