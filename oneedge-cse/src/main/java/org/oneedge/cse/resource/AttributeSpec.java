package org.oneedge.cse.resource;

/**
 * One row of a resource type's attribute table (TS-0004 7.4.x tables, digest §1.4/§1.5): short name, value type and
 * whether an originator may send it on CREATE and UPDATE. A read-only attribute is NOT_PERMITTED on both.
 */
public record AttributeSpec(String name, ValueType type, Presence onCreate, Presence onUpdate) {

    /** Whether an attribute must, may or must not be sent. */
    public enum Presence { MANDATORY, OPTIONAL, NOT_PERMITTED }

    public AttributeSpec {
        if (name == null || type == null || onCreate == null || onUpdate == null) {
            throw new IllegalArgumentException("attribute spec needs name, type and both presences");
        }
        if (onUpdate == Presence.MANDATORY) {
            throw new IllegalArgumentException("no attribute is mandatory on UPDATE: " + name);
        }
    }

    /** Set only by the hosting CSE. */
    public boolean readOnly() {
        return onCreate == Presence.NOT_PERMITTED && onUpdate == Presence.NOT_PERMITTED;
    }
}
