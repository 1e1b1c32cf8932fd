package org.oneedge.model;

/** The five oneM2M operations and the access-control bit each one needs (TS-0004 6.3.4.2.3, TS-0001 9.6.2.3). */
public enum Operation {
    CREATE(1, 1),
    RETRIEVE(2, 2),
    UPDATE(3, 4),
    DELETE(4, 8),
    NOTIFY(5, 16);

    /** The DISCOVERY privilege bit: a RETRIEVE with {@code fu=1} is checked against it. */
    public static final int DISCOVERY_PRIVILEGE = 32;

    private final int code;
    private final int privilege;

    Operation(int code, int privilege) {
        this.code = code;
        this.privilege = privilege;
    }

    public int code() {
        return code;
    }

    /** The {@code acop} bit that grants this operation. */
    public int privilege() {
        return privilege;
    }

    public static Operation of(int code) {
        for (Operation op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operation " + code);
    }
}
