package org.oneedge.mec.platform.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class MecConformanceTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final String SERVICE = """
            {"serInstanceId":"s1","serName":"rnis","version":"v2","state":"ACTIVE","serializer":"JSON",
             "transportInfo":{"id":"t","name":"REST","type":"REST_HTTP","protocol":"HTTP","version":"1.1",
               "endpoint":{"uris":["http://x/rni/v2"]},"security":{}},
             "_links":{"self":{"href":"http://x/mec_service_mgmt/v1/services/s1"}}}""";

    @Test
    void accepts_a_valid_service_info() {
        MecConformance.assumeOpenApiFilesPresent();
        MecConformance.assertConformsTo("MecServiceMgmtApi.yaml", "ServiceInfo", SERVICE);
        MecConformance.assertResponseConforms("MecServiceMgmtApi.yaml", "/services/{serviceId}", "GET", 200,
                SERVICE);
    }

    @Test
    void finds_what_is_wrong_with_an_invalid_service_info() {
        assumeThat(MecConformance.openApiDir()).isPresent();
        EtsiOpenApi api = EtsiOpenApi.load(MecConformance.openApiDir().get().resolve("MecServiceMgmtApi.yaml"));
        JsonNode bad = json(SERVICE.replace("\"ACTIVE\"", "\"RUNNING\"").replace("\"version\":\"v2\",", ""));

        assertThat(api.validateAgainstComponent("ServiceInfo", bad))
                .anySatisfy(m -> assertThat(m).contains("version"))
                .anySatisfy(m -> assertThat(m).contains("state"));
        assertThat(api.validateAgainstResponse("/services", "GET", 200, json("[" + SERVICE + "]"))).isEmpty();
        assertThat(api.validateAgainstResponse("/services", "GET", 200, json("[{\"serName\":1}]"))).isNotEmpty();
    }

    @Test
    void resolves_the_openapi_directory_beside_the_repository() {
        MecConformance.assumeOpenApiFilesPresent();
        assertThat(MecConformance.openApiDir().get().resolve("MecAppSupportApi.yaml")).exists();
        assertThat(MecConformance.openApiDir().get()).isNotEqualTo(Path.of(""));
    }

    private static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
