package org.oneedge.mec.api.rni;

/** Websocket delivery negotiation of a subscription (MEC 012 6.3.12, MEC 009 6.12a). */
public record WebsockNotifConfig(String websocketUri, Boolean requestWebsocketUri) {
}
