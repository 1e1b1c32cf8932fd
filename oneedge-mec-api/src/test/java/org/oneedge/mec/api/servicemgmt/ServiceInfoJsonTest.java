package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.MecJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceInfoJsonTest {

    final ObjectMapper mapper = MecJson.newObjectMapper();

    @Test
    void writes_the_etsi_field_names_and_omits_absent_fields() {
        ServiceInfo info = new ServiceInfo("s1", "rnis", new CategoryRef("h", "RNI", "RNI", "v2"), "v2",
                ServiceState.ACTIVE, null, TransportInfo.restHttp("t", "http://x/rni/v2"), SerializerType.JSON,
                LocalityType.MEC_HOST, false, true, null, new ServiceInfo.Links(LinkType.of("http://x/s1"), null));

        JsonNode json = mapper.valueToTree(info);

        assertThat(json.has("isLocal")).isTrue();
        assertThat(json.has("local")).isFalse();
        assertThat(json.at("/_links/self/href").asText()).isEqualTo("http://x/s1");
        assertThat(json.has("transportId")).isFalse();
        assertThat(json.at("/transportInfo/type").asText()).isEqualTo("REST_HTTP");
        assertThat(json.at("/transportInfo/endpoint/uris/0").asText()).isEqualTo("http://x/rni/v2");
    }

    @Test
    void refuses_service_info_without_mandatory_fields_or_with_unknown_enum_values() {
        assertThatThrownBy(() -> mapper.readValue("{\"serName\":\"x\",\"state\":\"ACTIVE\",\"serializer\":\"JSON\"}",
                ServiceInfo.class)).isInstanceOf(ValueInstantiationException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> mapper.readValue("{\"serName\":\"x\",\"version\":\"1\",\"state\":\"ON\","
                + "\"serializer\":\"JSON\"}", ServiceInfo.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"serName\":\"x\",\"version\":\"1\",\"state\":0,"
                + "\"serializer\":\"JSON\"}", ServiceInfo.class)).isInstanceOf(MismatchedInputException.class);
    }
}
