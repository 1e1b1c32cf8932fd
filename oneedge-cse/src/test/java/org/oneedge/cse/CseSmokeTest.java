package org.oneedge.cse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

class CseSmokeTest {

    @Test
    void registers_an_ae_creates_a_container_and_reads_the_latest_instance() {
        try (TestCse t = TestCse.start()) {
            assertThat(t.retrieve("cse-in").statusCode()).isEqualTo(ResponseStatusCode.OK);
            Response ae = t.registerAe("Cmyae", "AE1");
            assertThat(ae.statusCode()).as(ae.debugMessage()).isEqualTo(ResponseStatusCode.CREATED);
            assertThat(ae.content().at("/m2m:ae/aei").asText()).isEqualTo("Cmyae");
            Response cnt = t.create("cse-in/AE1", "Cmyae", ResourceType.CONTAINER, "{\"m2m:cnt\":{\"rn\":\"c\"}}");
            assertThat(cnt.statusCode()).as(cnt.debugMessage()).isEqualTo(ResponseStatusCode.CREATED);
            t.create("cse-in/AE1/c", "Cmyae", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"one\"}}");
            t.create("cse-in/AE1/c", "Cmyae", ResourceType.CONTENT_INSTANCE, "{\"m2m:cin\":{\"con\":\"two\"}}");
            Response la = t.retrieve("cse-in/AE1/c/la");
            assertThat(la.content().at("/m2m:cin/con").asText()).isEqualTo("two");
            assertThat(t.retrieve("cse-in/AE1/c").content().at("/m2m:cnt/cni").asInt()).isEqualTo(2);
        }
    }
}
