package org.oneedge.app.node;

import java.nio.charset.StandardCharsets;

/**
 * The fixed body the benchmark's bare handler answers: a contentInstance representation of the size a real
 * {@code la} retrieve of the benchmark's 32-byte instances returns, so both sides move the same bytes.
 */
final class BaselineBody {
    private BaselineBody() {
    }

    static byte[] laSized() {
        String cin = "{\"m2m:cin\":{\"rn\":\"cin_1732640000000_000042\",\"ty\":4,\"ri\":\"cin1732640000000000042\","
                + "\"pi\":\"cnt1732640000000000001\",\"ct\":\"20261126T180000,000000\",\"lt\":\"20261126T180000,000000\","
                + "\"et\":\"20311125T180000,000000\",\"st\":0,\"cs\":32,\"cnf\":\"text/plain:0\","
                + "\"con\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}}";
        return cin.getBytes(StandardCharsets.UTF_8);
    }
}
