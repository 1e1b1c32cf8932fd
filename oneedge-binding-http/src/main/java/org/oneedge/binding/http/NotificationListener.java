package org.oneedge.binding.http;

import org.oneedge.model.Request;

/** Receives the NOTIFY requests that reach an {@link HttpNotificationReceiver} (TS-0004 7.4.1.2.2, digest 6.6). */
@FunctionalInterface
public interface NotificationListener {
    void onNotification(Request notification);
}
