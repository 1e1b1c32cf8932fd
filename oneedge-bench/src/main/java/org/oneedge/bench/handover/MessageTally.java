package org.oneedge.bench.handover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.BitSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.oneedge.model.ContentCodec;

/**
 * The messages one or more CSEs stored for the bench devices: per AE the uplink and downlink numbers seen, and how
 * many arrived a second time. Tallies of several CSEs merge; a number stored at two CSEs counts as a duplicate.
 * Thread-safe.
 */
final class MessageTally {

    /** Which way a message went. */
    enum Direction { UP, DOWN }

    private final Map<String, BitSet> up = new HashMap<>();
    private final Map<String, BitSet> down = new HashMap<>();
    private long duplicateUp;
    private long duplicateDown;

    synchronized void record(String aeId, Direction direction, int number) {
        BitSet seen = (direction == Direction.UP ? up : down).computeIfAbsent(aeId, k -> new BitSet());
        if (seen.get(number)) {
            if (direction == Direction.UP) {
                duplicateUp++;
            } else {
                duplicateDown++;
            }
        }
        seen.set(number);
    }

    synchronized void merge(MessageTally other) {
        MessageTally copy = other.copy();
        duplicateUp += copy.duplicateUp + mergeInto(up, copy.up);
        duplicateDown += copy.duplicateDown + mergeInto(down, copy.down);
    }

    private static long mergeInto(Map<String, BitSet> into, Map<String, BitSet> from) {
        long overlap = 0;
        for (Map.Entry<String, BitSet> e : from.entrySet()) {
            BitSet mine = into.computeIfAbsent(e.getKey(), k -> new BitSet());
            BitSet both = (BitSet) mine.clone();
            both.and(e.getValue());
            overlap += both.cardinality();
            mine.or(e.getValue());
        }
        return overlap;
    }

    synchronized MessageTally copy() {
        MessageTally t = new MessageTally();
        up.forEach((k, v) -> t.up.put(k, (BitSet) v.clone()));
        down.forEach((k, v) -> t.down.put(k, (BitSet) v.clone()));
        t.duplicateUp = duplicateUp;
        t.duplicateDown = duplicateDown;
        return t;
    }

    /** The numbers stored for the AE in that direction (a copy). */
    synchronized BitSet received(String aeId, Direction direction) {
        BitSet seen = (direction == Direction.UP ? up : down).get(aeId);
        return seen == null ? new BitSet() : (BitSet) seen.clone();
    }

    synchronized long duplicates(Direction direction) {
        return direction == Direction.UP ? duplicateUp : duplicateDown;
    }

    synchronized long total(Direction direction) {
        return (direction == Direction.UP ? up : down).values().stream().mapToLong(BitSet::cardinality).sum();
    }

    synchronized ObjectNode toJson() {
        ObjectNode n = ContentCodec.object();
        n.put("dupUp", duplicateUp);
        n.put("dupDown", duplicateDown);
        ObjectNode u = n.putObject("up");
        up.forEach((k, v) -> u.put(k, Base64.getEncoder().encodeToString(v.toByteArray())));
        ObjectNode d = n.putObject("down");
        down.forEach((k, v) -> d.put(k, Base64.getEncoder().encodeToString(v.toByteArray())));
        return n;
    }

    static MessageTally fromJson(JsonNode n) {
        MessageTally t = new MessageTally();
        t.duplicateUp = n.path("dupUp").asLong();
        t.duplicateDown = n.path("dupDown").asLong();
        n.path("up").properties().forEach(e -> t.up.put(e.getKey(),
                BitSet.valueOf(Base64.getDecoder().decode(e.getValue().asText()))));
        n.path("down").properties().forEach(e -> t.down.put(e.getKey(),
                BitSet.valueOf(Base64.getDecoder().decode(e.getValue().asText()))));
        return t;
    }
}
