package org.oneedge.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The result content ({@code rcn}) values and the operations each is valid for (TS-0004 6.3.4.2.12, digest §2.5).
 * Discovery is a RETRIEVE with {@code fu=1} and has its own valid set.
 */
public enum ResultContent {
    NOTHING(0, EnumSet.of(Operation.CREATE, Operation.UPDATE, Operation.DELETE), false),
    ATTRIBUTES(1, EnumSet.of(Operation.CREATE, Operation.RETRIEVE, Operation.UPDATE, Operation.DELETE), false),
    HIERARCHICAL_ADDRESS(2, EnumSet.of(Operation.CREATE), false),
    HIERARCHICAL_ADDRESS_AND_ATTRIBUTES(3, EnumSet.of(Operation.CREATE), false),
    ATTRIBUTES_AND_CHILD_RESOURCES(4, EnumSet.of(Operation.RETRIEVE, Operation.DELETE), false),
    ATTRIBUTES_AND_CHILD_RESOURCE_REFERENCES(5, EnumSet.of(Operation.RETRIEVE, Operation.DELETE), false),
    CHILD_RESOURCE_REFERENCES(6, EnumSet.of(Operation.RETRIEVE, Operation.DELETE), true),
    ORIGINAL_RESOURCE(7, EnumSet.of(Operation.RETRIEVE), false),
    CHILD_RESOURCES(8, EnumSet.of(Operation.RETRIEVE, Operation.DELETE), false),
    MODIFIED_ATTRIBUTES(9, EnumSet.of(Operation.CREATE, Operation.UPDATE), false),
    SEMANTIC_CONTENT(10, EnumSet.of(Operation.RETRIEVE), false),
    DISCOVERY_RESULT_REFERENCES(11, EnumSet.noneOf(Operation.class), true),
    PERMISSIONS(12, EnumSet.of(Operation.RETRIEVE), false);

    private final int code;
    private final Set<Operation> operations;
    private final boolean discovery;

    ResultContent(int code, Set<Operation> operations, boolean discovery) {
        this.code = code;
        this.operations = operations;
        this.discovery = discovery;
    }

    /** The {@code rcn} number. */
    public int code() {
        return code;
    }

    /** True when this value may accompany the operation; {@code discovery} means a RETRIEVE with {@code fu=1}. */
    public boolean validFor(Operation operation, boolean discovery) {
        return discovery ? this.discovery : operations.contains(operation);
    }

    /** The value used when the request carries no {@code rcn}. */
    public static ResultContent defaultFor(Operation operation, boolean discovery) {
        if (discovery) {
            return DISCOVERY_RESULT_REFERENCES;
        }
        return operation == Operation.DELETE ? NOTHING : ATTRIBUTES;
    }

    public static Optional<ResultContent> of(int code) {
        for (ResultContent rc : values()) {
            if (rc.code == code) {
                return Optional.of(rc);
            }
        }
        return Optional.empty();
    }
}
