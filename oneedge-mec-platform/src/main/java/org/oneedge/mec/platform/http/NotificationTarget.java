package org.oneedge.mec.platform.http;

import org.oneedge.mec.api.common.MecProblemException;

import java.net.URI;

/**
 * Where a subscription's notifications go, chosen as MEC 009 6.12a says: a websocket when the subscriber sets
 * {@code websockNotifConfig.requestWebsocketUri} (the server then returns only {@code websockNotifConfig} with the
 * {@code websocketUri} it allocated), otherwise the {@code callbackReference} URI.
 *
 * @param uri               the target handed to {@link NotificationSender#send(URI, Object)} (http(s) or ws)
 * @param callbackReference the callback to store in the subscription, {@code null} for websocket delivery
 * @param websocketUri      the allocated websocket URI, {@code null} for HTTP delivery
 */
public record NotificationTarget(URI uri, String callbackReference, String websocketUri) {

    /**
     * Chooses the target of a subscription being created or replaced; 400 if there is neither a usable callback nor a
     * websocket request. A replaced subscription ({@code existing} != null) that asks for a websocket again keeps its
     * channel.
     */
    public static NotificationTarget choose(MecExchange ex, NotificationSender sender, String callbackReference,
                                            Boolean requestWebsocketUri, URI existing) {
        if (Boolean.TRUE.equals(requestWebsocketUri)) {
            URI uri = existing != null && WebsocketChannels.isWebsocket(existing) ? existing
                    : sender.websockets().open(ex.origin());
            return new NotificationTarget(uri, null, uri.toString());
        }
        if (callbackReference == null || callbackReference.isBlank()) {
            throw MecProblemException.badRequest("callbackReference is required unless websockNotifConfig."
                    + "requestWebsocketUri is true");
        }
        return new NotificationTarget(httpCallback(callbackReference), callbackReference, null);
    }

    /** The callback URI; 400 if it is not an absolute http(s) URI. */
    public static URI httpCallback(String callbackReference) {
        try {
            URI uri = URI.create(callbackReference);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URI");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw MecProblemException.badRequest("callbackReference '" + callbackReference
                    + "' is not an absolute http(s) URI");
        }
    }
}
