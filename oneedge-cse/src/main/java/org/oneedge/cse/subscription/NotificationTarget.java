package org.oneedge.cse.subscription;

/**
 * Where a {@code nu} or {@code su} entry leads (TS-0004 7.5.1.2.2, digest §6.7): a point of access to send to, or
 * the reason it cannot be reached now.
 */
public sealed interface NotificationTarget {

    /** The entry as the subscriber wrote it. */
    String entry();

    /**
     * @param url the point of access (the entry itself for URL targets, the entity's {@code poa} otherwise)
     * @param to  the {@code to} of the NOTIFY: the entity's id for resource targets, the URL otherwise
     */
    record Reachable(String entry, String url, String to) implements NotificationTarget {}

    /** Cannot be sent to now, e.g. an AE without {@code poa} or with {@code rr=false}. */
    record Unreachable(String entry, String reason) implements NotificationTarget {}
}
