package org.oneedge.cse;

/** The kind of CSE ({@code cst}, TS-0001 6.2.2, digest §4.3): infrastructure, middle or application service node. */
public enum CseType {
    IN(1),
    MN(2),
    ASN(3);

    private final int code;

    CseType(int code) {
        this.code = code;
    }

    /** The {@code cst} value. */
    public int code() {
        return code;
    }
}
