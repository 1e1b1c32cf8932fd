package org.oneedge.cse.request;

/** {@code rs} of a {@code <request>} (TS-0004 6.3.4.2.x requestStatus, digest §1.5). */
public enum RequestStatus {
    COMPLETED(1), FAILED(2), PENDING(3), FORWARDED(4), PARTIALLY_COMPLETED(5);

    private final int code;

    RequestStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
