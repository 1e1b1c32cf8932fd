package org.oneedge.binding.mqtt.primitive;

import org.oneedge.model.TimestampCodec;
import java.time.Instant;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Request;
import org.oneedge.model.ResponseStatusCode;

/**
 * Decides whether a request arrived after its Request Expiration Timestamp ({@code rqet}, TS-0004 7.2.1.1).
 * TS-0010 requires the receiver to check it on arrival because a broker may have held the message.
 * A relative {@code rqet} (milliseconds) counts from the Originating Timestamp {@code ot} when present, otherwise from
 * arrival, in which case only a non-positive value has expired.
 */
public final class RequestExpiration {

    private RequestExpiration() {
    }

    /**
     * True when {@code request} expired before {@code now}.
     *
     * @throws OneM2MException BAD_REQUEST when {@code rqet} or {@code ot} is not a timestamp
     */
    public static boolean isExpired(Request request, Instant now) {
        String rqet = request.requestExpirationTimestamp();
        if (rqet == null || rqet.isBlank()) {
            return false;
        }
        String value = rqet.trim();
        if (value.matches("-?\\d{1,18}")) {
            long millis = Long.parseLong(value);
            if (request.originatingTimestamp() == null) {
                return millis <= 0;
            }
            return !parse("ot", request.originatingTimestamp()).plusMillis(millis).isAfter(now);
        }
        return !parse("rqet", value).isAfter(now);
    }

    private static Instant parse(String name, String value) {
        try {
            return TimestampCodec.parseWire(value);
        } catch (IllegalArgumentException e) {
            throw new OneM2MException(ResponseStatusCode.BAD_REQUEST, name + ": " + e.getMessage());
        }
    }
}
