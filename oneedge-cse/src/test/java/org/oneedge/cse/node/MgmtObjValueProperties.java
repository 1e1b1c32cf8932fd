package org.oneedge.cse.node;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.oneedge.cse.subscription.TestNode;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

/** Value rules of the mgmtObj specializations hold at the boundaries (TS-0004 Annex D, digest §1.2). */
class MgmtObjValueProperties {

    private static TestNode cse;

    @BeforeContainer
    static void givenANode() {
        cse = TestNode.start();
        cse.create("cse-in", TestNode.ADMIN, ResourceType.NODE, "{\"m2m:nod\":{\"rn\":\"n\",\"ni\":\"urn:n\"}}");
    }

    @AfterContainer
    static void stop() {
        cse.close();
    }

    @Property(tries = 60)
    void a_battery_is_accepted_exactly_when_level_and_status_are_in_range(
            @ForAll @IntRange(min = -20, max = 120) int btl, @ForAll @IntRange(min = -2, max = 10) int bts) {
        Response r = cse.create("cse-in/n", TestNode.ADMIN, ResourceType.MGMT_OBJ,
                "{\"m2m:bat\":{\"mgd\":1006,\"btl\":" + btl + ",\"bts\":" + bts + "}}");

        boolean valid = btl >= 0 && btl <= 100 && bts >= 1 && bts <= 7;
        assertThat(r.statusCode()).isEqualTo(valid ? ResponseStatusCode.CREATED : ResponseStatusCode.BAD_REQUEST);
    }

    @Property(tries = 40)
    void memory_available_never_exceeds_memory_total(@ForAll @IntRange(max = 1000) int mma,
                                                     @ForAll @IntRange(max = 1000) int mmt) {
        Response r = cse.create("cse-in/n", TestNode.ADMIN, ResourceType.MGMT_OBJ,
                "{\"m2m:mem\":{\"mgd\":1003,\"mma\":" + mma + ",\"mmt\":" + mmt + "}}");

        assertThat(r.statusCode()).isEqualTo(mma <= mmt ? ResponseStatusCode.CREATED : ResponseStatusCode.BAD_REQUEST);
    }
}
