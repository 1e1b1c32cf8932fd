package org.oneedge.interworking.ipe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the IPE knows about one UE, merged from MEC 012 measurement reports and cell changes and MEC 013 user
 * location, and how it reads as the custom attributes of an {@code org.oneedge.mec.ueInfo} flexContainer. Radio
 * values arrive as TS 36.133 report indices and are mirrored as the lower bound of their range: RSRP dBm =
 * index − 141, RSRQ dB = index / 2 − 20, SINR dB = index / 2 − 23.5. Guarded by the {@link MecIpe}'s lock.
 */
final class UeMirror {

    final String address;
    Double rsrp;
    Double rsrq;
    Double sinr;
    String cellId;
    String zoneId;
    Double latitude;
    Double longitude;
    boolean pending;
    long lastWriteNanos;

    UeMirror(String address) {
        this.address = address;
    }

    static double rsrpDbm(int index) {
        return index - 141.0;
    }

    static double rsrqDb(int index) {
        return index / 2.0 - 20.0;
    }

    static double sinrDb(int index) {
        return index / 2.0 - 23.5;
    }

    /** The known values under the ueInfo short names ({@code rsrp, rsrq, sinr, cellId, zoneId, lat, lon}). */
    ObjectNode attributes() {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        if (rsrp != null) {
            a.put("rsrp", rsrp);
        }
        if (rsrq != null) {
            a.put("rsrq", rsrq);
        }
        if (sinr != null) {
            a.put("sinr", sinr);
        }
        if (cellId != null) {
            a.put("cellId", cellId);
        }
        if (zoneId != null) {
            a.put("zoneId", zoneId);
        }
        if (latitude != null) {
            a.put("lat", latitude);
        }
        if (longitude != null) {
            a.put("lon", longitude);
        }
        return a;
    }
}
