package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/**
 * Identifies the UE or flow an RNI record is about (MEC 012 6.5.4). {@code type} is sent as the integer the file
 * defines (1 = UE_IPv4_ADDRESS, 2 = UE_IPV6_ADDRESS, 3 = NATED_IP_ADDRESS, 4 = GTP_TEID) and also accepted as its name.
 */
public record AssociateId(int type, String value) {

    public static final int UE_IPV4_ADDRESS = 1;
    public static final int UE_IPV6_ADDRESS = 2;
    public static final int NATED_IP_ADDRESS = 3;
    public static final int GTP_TEID = 4;

    public AssociateId {
        if (type < 0 || type > 4) {
            throw new IllegalArgumentException("associateId.type must be 0..4, was " + type);
        }
        if (value == null) {
            throw new IllegalArgumentException("associateId.value is required");
        }
    }

    /** An IPv4 address identifier. */
    public static AssociateId ipv4(String address) {
        return new AssociateId(UE_IPV4_ADDRESS, address);
    }

    @JsonCreator
    static AssociateId fromJson(@JsonProperty("type") Object type, @JsonProperty("value") String value) {
        return new AssociateId(typeOf(type), value);
    }

    private static int typeOf(Object type) {
        if (type == null) {
            throw new IllegalArgumentException("associateId.type is required");
        }
        if (type instanceof Number n) {
            return n.intValue();
        }
        String s = type.toString().trim().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "0", "RESERVED" -> 0;
            case "1", "UE_IPV4_ADDRESS" -> UE_IPV4_ADDRESS;
            case "2", "UE_IPV6_ADDRESS" -> UE_IPV6_ADDRESS;
            case "3", "NATED_IP_ADDRESS" -> NATED_IP_ADDRESS;
            case "4", "GTP_TEID" -> GTP_TEID;
            default -> throw new IllegalArgumentException("unknown associateId.type '" + type + "'");
        };
    }
}
