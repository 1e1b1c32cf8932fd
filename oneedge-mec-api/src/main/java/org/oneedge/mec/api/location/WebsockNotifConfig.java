package org.oneedge.mec.api.location;

/** Websocket delivery negotiation of a subscription (MEC 013 6.5.4, MEC 009 6.12a). */
public record WebsockNotifConfig(String websocketUri, Boolean requestWebsocketUri) {
}
