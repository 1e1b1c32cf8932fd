package org.oneedge.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * oneM2M resource types with their {@code ty} numbers and JSON root keys (TS-0004 6.3.4.2.1).
 * Announced variants carry {@code 10000 + ty}. mgmtObj specializations share ty 13 and are told apart by {@code mgd};
 * flexContainer specializations share ty 28 and are told apart by {@code cnd}.
 */
public enum ResourceType {
    ACCESS_CONTROL_POLICY(1, "m2m:acp", "acp"),
    AE(2, "m2m:ae", "ae"),
    CONTAINER(3, "m2m:cnt", "cnt"),
    CONTENT_INSTANCE(4, "m2m:cin", "cin"),
    CSE_BASE(5, "m2m:cb", "cb"),
    GROUP(9, "m2m:grp", "grp"),
    LOCATION_POLICY(10, "m2m:lcp", "lcp"),
    MGMT_OBJ(13, "m2m:mgo", "mgo"),
    NODE(14, "m2m:nod", "nod"),
    POLLING_CHANNEL(15, "m2m:pch", "pch"),
    REMOTE_CSE(16, "m2m:csr", "csr"),
    REQUEST(17, "m2m:req", "req"),
    SCHEDULE(18, "m2m:sch", "sch"),
    SUBSCRIPTION(23, "m2m:sub", "sub"),
    SEMANTIC_DESCRIPTOR(24, "m2m:smd", "smd"),
    FLEX_CONTAINER(28, "m2m:fcnt", "fcnt"),
    TIME_SERIES(29, "m2m:ts", "ts"),
    TIME_SERIES_INSTANCE(30, "m2m:tsi", "tsi"),
    CROSS_RESOURCE_SUBSCRIPTION(48, "m2m:crs", "crs"),
    FLEX_CONTAINER_INSTANCE(58, "m2m:fci", "fci"),

    ACCESS_CONTROL_POLICY_ANNC(10001, "m2m:acpA", "acpA"),
    AE_ANNC(10002, "m2m:aeA", "aeA"),
    CONTAINER_ANNC(10003, "m2m:cntA", "cntA"),
    CONTENT_INSTANCE_ANNC(10004, "m2m:cinA", "cinA"),
    CSE_BASE_ANNC(10005, "m2m:cbA", "cbA"),
    GROUP_ANNC(10009, "m2m:grpA", "grpA"),
    LOCATION_POLICY_ANNC(10010, "m2m:lcpA", "lcpA"),
    MGMT_OBJ_ANNC(10013, "m2m:mgoA", "mgoA"),
    NODE_ANNC(10014, "m2m:nodA", "nodA"),
    REMOTE_CSE_ANNC(10016, "m2m:csrA", "csrA"),
    SCHEDULE_ANNC(10018, "m2m:schA", "schA"),
    SEMANTIC_DESCRIPTOR_ANNC(10024, "m2m:smdA", "smdA"),
    FLEX_CONTAINER_ANNC(10028, "m2m:fcntA", "fcntA"),
    TIME_SERIES_ANNC(10029, "m2m:tsA", "tsA"),
    TIME_SERIES_INSTANCE_ANNC(10030, "m2m:tsiA", "tsiA"),
    FLEX_CONTAINER_INSTANCE_ANNC(10058, "m2m:fciA", "fciA");

    private static final Map<Integer, ResourceType> BY_TY = new HashMap<>();
    private static final Map<String, ResourceType> BY_ROOT_KEY = new HashMap<>();

    static {
        for (ResourceType type : values()) {
            BY_TY.put(type.ty, type);
            BY_ROOT_KEY.put(type.rootKey, type);
        }
    }

    private final int ty;
    private final String rootKey;
    private final String shortName;

    ResourceType(int ty, String rootKey, String shortName) {
        this.ty = ty;
        this.rootKey = rootKey;
        this.shortName = shortName;
    }

    /** The {@code ty} number on the wire. */
    public int ty() {
        return ty;
    }

    /** The JSON root key, e.g. {@code m2m:cnt}. Specializations (mgmtObj, flexContainer) use their own keys. */
    public String rootKey() {
        return rootKey;
    }

    /** The short type name, used e.g. to generate resource names ({@code cnt_…}). */
    public String shortName() {
        return shortName;
    }

    public boolean isAnnounced() {
        return ty > 10000;
    }

    /** The announced variant of this type, if it has one. */
    public Optional<ResourceType> announced() {
        return isAnnounced() ? Optional.empty() : of(ty + 10000);
    }

    /** The original type of an announced variant, or this type. */
    public ResourceType original() {
        return isAnnounced() ? BY_TY.get(ty - 10000) : this;
    }

    public static Optional<ResourceType> of(int ty) {
        return Optional.ofNullable(BY_TY.get(ty));
    }

    public static Optional<ResourceType> ofRootKey(String rootKey) {
        return Optional.ofNullable(BY_ROOT_KEY.get(rootKey));
    }
}
