package org.oneedge.mec.platform.iot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.iot.DeviceInfo;
import org.oneedge.mec.api.iot.ImplSpecificInfo;
import org.oneedge.mec.api.iot.IotPlatformInfo;
import org.oneedge.mec.api.iot.MBTransportInfo;
import org.oneedge.mec.api.iot.MecIotClient;
import org.oneedge.mec.api.servicemgmt.EndPointInfo;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.SecurityInfo;
import org.oneedge.mec.api.servicemgmt.TransportInfo;
import org.oneedge.mec.api.servicemgmt.TransportType;
import org.oneedge.mec.platform.MecPlatform;
import org.oneedge.mec.platform.TestHttp;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oneedge.mec.platform.conformance.MecConformance.assertConformsTo;
import static org.oneedge.mec.platform.conformance.MecConformance.assertResponseConforms;

class IotApiTest {

    static final String FILE = "MEC033_IoT.yaml";

    MecPlatform platform;
    String api;
    MecIotClient iot;

    @BeforeEach
    void start() {
        platform = MecPlatform.builder().build().start();
        api = platform.baseUrl() + "/iots/v1";
        iot = new MecIotClient(platform.baseUrl());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    static IotPlatformInfo cse(String id) {
        MBTransportInfo mqtt = new MBTransportInfo("mqtt", "broker", null, TransportType.MB_TOPIC_BASED, "MQTT",
                "3.1.1", EndPointInfo.ofUris("mqtt://127.0.0.1:1883"), SecurityInfo.none(),
                new ImplSpecificInfo(List.of("/oneM2M/req/+/" + id + "/json"), null, null));
        return new IotPlatformInfo(id, List.of(mqtt), List.of(TransportInfo.restHttp("http",
                "http://127.0.0.1:8080/cse-mn1")), true);
    }

    @Test
    void registers_queries_updates_and_deregisters_an_iot_platform() {
        var created = TestHttp.post(api + "/registered_iot_platforms", cse("id-mn1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue(api + "/registered_iot_platforms/id-mn1");
        assertConformsTo(FILE, "IotPlatformInfo", created.json());

        var list = TestHttp.get(api + "/registered_iot_platforms");
        assertResponseConforms(FILE, "/registered_iot_platforms", "GET", 200, list.json());
        assertThat(list.json()).hasSize(1);
        var one = TestHttp.get(api + "/registered_iot_platforms/id-mn1?fields=userTransportInfo");
        assertConformsTo(FILE, "IotPlatformInfo", one.json());
        assertThat(one.json().has("customServicesTransportInfo")).isFalse();

        var disabled = new IotPlatformInfo("id-mn1", cse("id-mn1").userTransportInfo(), null, false);
        assertThat(iot.updatePlatform(disabled).enabled()).isFalse();
        assertThat(iot.platform("id-mn1").customServicesTransportInfo()).isNull();

        iot.deregisterPlatform("id-mn1");
        assertThat(iot.platforms()).isEmpty();
        assertThat(TestHttp.get(api + "/registered_iot_platforms/id-mn1").status()).isEqualTo(404);
    }

    @Test
    void enables_devices_that_have_a_valid_traffic_rule_association() {
        iot.registerPlatform(cse("id-mn1"));
        var bound = TestHttp.post(api + "/registered_devices",
                DeviceInfo.onPlatform("sensor-1", "psk", "id-mn1", null).withEnabled(false));
        var unbound = iot.registerDevice(DeviceInfo.onPlatform("sensor-2", "psk", "id-unknown", null));

        assertThat(bound.status()).isEqualTo(201);
        assertConformsTo(FILE, "DeviceInfo", bound.json());
        assertThat(bound.json().get("enabled").asBoolean()).isTrue();
        assertThat(unbound.enabled()).isFalse();
        var enabled = TestHttp.get(api + "/registered_devices?filter=(eq,enabled,TRUE)");
        assertResponseConforms(FILE, "/registered_devices", "GET", 200, enabled.json());
        assertThat(enabled.json()).hasSize(1);
        assertThat(iot.devices(false)).hasSize(2);

        iot.updateDevice(DeviceInfo.onPlatform("sensor-2", "psk", "id-mn1", "mqtt"));
        assertThat(iot.device("sensor-2").enabled()).isTrue();
        iot.deregisterPlatform("id-mn1");
        assertThat(iot.devices(true)).isEmpty();

        iot.deregisterDevice("sensor-1");
        assertThat(iot.devices(false)).extracting(DeviceInfo::deviceId).containsExactly("sensor-2");
    }

    @Test
    void rejects_bad_requests_with_problem_details_and_no_state_change() {
        iot.registerPlatform(cse("id-mn1"));
        var noTransport = TestHttp.post(api + "/registered_iot_platforms",
                "{\"iotPlatformId\":\"x\",\"userTransportInfo\":[],\"enabled\":true}");
        var malformed = TestHttp.post(api + "/registered_devices", "{\"deviceId\":");
        var noAuth = TestHttp.post(api + "/registered_devices", "{\"deviceId\":\"d\",\"enabled\":true}");
        var badFilter = TestHttp.get(api + "/registered_devices?filter=(eq,colour,red)");
        var badFields = TestHttp.get(api + "/registered_devices?fields=secret");
        var unknownDevice = TestHttp.get(api + "/registered_devices/nope");
        var duplicate = TestHttp.post(api + "/registered_iot_platforms", cse("id-mn1"));
        var renamed = TestHttp.put(api + "/registered_iot_platforms/id-mn1", cse("id-other"));

        for (var bad : List.of(noTransport, malformed, noAuth, badFilter, badFields)) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertConformsTo(FILE, "ProblemDetails", bad.json());
        }
        assertThat(noTransport.json().get("detail").asText()).contains("userTransportInfo");
        assertThat(noAuth.json().get("detail").asText()).contains("deviceAuthenticationInfo");
        assertThat(badFilter.json().get("detail").asText()).contains("filter");
        assertThat(unknownDevice.status()).isEqualTo(404);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(renamed.status()).isEqualTo(412);
        assertThat(iot.platforms()).extracting(IotPlatformInfo::iotPlatformId).containsExactly("id-mn1");
        assertThat(iot.devices(false)).isEmpty();
        assertThatThrownBy(() -> iot.device("nope")).isInstanceOfSatisfying(MecProblemException.class,
                e -> assertThat(e.problem().detail()).contains("nope"));
    }

    @Test
    void is_discoverable_in_the_service_registry() {
        var found = new MecServiceMgmtClient(platform.baseUrl() + "/mep1")
                .discover(MecServiceMgmtClient.Query.byCategory("IoT").local(true));

        assertThat(found).hasSize(1);
        assertThat(found.getFirst().endpointUri()).hasValue(platform.baseUrl() + "/mep1/iots/v1");
    }
}
