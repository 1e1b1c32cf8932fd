package org.oneedge.cse.access;

import org.oneedge.model.Operation;

/**
 * What an originator wants to do, reduced to what access control evaluates (TS-0003 7.1.5): the originator, the
 * {@code acop} bit needed and, for CREATE, the type of the child about to be created ({@code acod/chty}).
 *
 * @param originator {@code fr} as sent
 * @param privilege  one {@code acop} bit, e.g. {@link Operation#privilege()} or {@link Operation#DISCOVERY_PRIVILEGE}
 * @param childType  the {@code ty} being created, or null
 */
public record AccessRequest(String originator, int privilege, Integer childType) {

    public AccessRequest {
        if (Integer.bitCount(privilege) != 1 || privilege > Operation.DISCOVERY_PRIVILEGE) {
            throw new IllegalArgumentException("privilege must be one acop bit, was " + privilege);
        }
    }

    public static AccessRequest of(String originator, Operation operation) {
        return new AccessRequest(originator, operation.privilege(), null);
    }

    public static AccessRequest create(String originator, int childType) {
        return new AccessRequest(originator, Operation.CREATE.privilege(), childType);
    }

    public static AccessRequest discovery(String originator) {
        return new AccessRequest(originator, Operation.DISCOVERY_PRIVILEGE, null);
    }

    /** The operation name for messages: CREATE, RETRIEVE, UPDATE, DELETE, NOTIFY or DISCOVERY. */
    public String operationName() {
        if (privilege == Operation.DISCOVERY_PRIVILEGE) {
            return "DISCOVERY";
        }
        for (Operation op : Operation.values()) {
            if (op.privilege() == privilege) {
                return op.name();
            }
        }
        return String.valueOf(privilege);
    }
}
