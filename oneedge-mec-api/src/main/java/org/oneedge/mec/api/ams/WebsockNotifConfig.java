package org.oneedge.mec.api.ams;

/** Websocket delivery negotiation of a subscription (MEC 021 7.5.7, MEC 009 6.12a). */
public record WebsockNotifConfig(String websocketUri, Boolean requestWebsocketUri) {
}
