package org.oneedge.interworking.mecapp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneedge.binding.http.HttpCseClient;
import org.oneedge.interworking.CseTestbed;
import org.oneedge.interworking.MecTestbed;
import org.oneedge.mec.api.appsupport.OperationActionType;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.iot.MBTransportInfo;
import org.oneedge.mec.api.iot.MecIotClient;
import org.oneedge.mec.api.servicemgmt.MecServiceMgmtClient;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MecAppRegistrationIT {

    private MecTestbed mec;
    private CseTestbed cse;
    private MecAppRegistration registration;

    @BeforeEach
    void givenAMecPlatformAndACse() {
        mec = MecTestbed.start();
        cse = CseTestbed.start();
    }

    @AfterEach
    void tearDown() {
        if (registration != null) {
            registration.close();
        }
        cse.close();
        mec.close();
    }

    private MecAppRegistration startRegistration(boolean offerAsService) {
        registration = new MecAppRegistration(MecAppRegistrationConfig.builder()
                .platformUrl(mec.hostUrl("mec-host-a"))
                .cseId(CseTestbed.CSE_ID).cseBaseName(CseTestbed.CSE_BASE)
                .httpPointOfAccess(cse.baseUrl()).mqttPointOfAccess("mqtt://127.0.0.1:1883")
                .offerAsMecService(offerAsService).build()).start();
        return registration;
    }

    private List<ServiceInfo> oneM2MServices() {
        return new MecServiceMgmtClient(mec.platform.baseUrl())
                .discover(MecServiceMgmtClient.Query.byCategory("oneM2M"));
    }

    @Test
    void other_mec_apps_discover_the_cse_by_category_and_reach_it_over_oneM2M() {
        startRegistration(true);

        List<ServiceInfo> found = oneM2MServices();
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.serName()).isEqualTo("oneM2M-CSE-id-mn1");
            assertThat(s.state()).isEqualTo(ServiceState.ACTIVE);
            assertThat(s.endpointUri()).contains(cse.baseUrl());
        });
        assertThat(new MecServiceMgmtClient(mec.hostUrl("mec-host-b"))
                .discover(MecServiceMgmtClient.Query.byName("oneM2M-CSE-id-mn1"))).hasSize(1);

        try (HttpCseClient overMec = new HttpCseClient(found.getFirst().endpointUri().orElseThrow())) {
            Response cseBase = overMec.send(Request.builder().operation(Operation.RETRIEVE)
                    .to(CseTestbed.CSE_BASE).from("CAdmin").requestId("r1").releaseVersion("3").build());
            assertThat(cseBase.statusCode()).isEqualTo(ResponseStatusCode.OK);
            assertThat(cseBase.content().path("m2m:cb").path("csi").asText()).isEqualTo(CseTestbed.CSE_ID);
        }
    }

    @Test
    void without_deployment_d_the_cse_is_not_offered_as_mec_service() {
        startRegistration(false);

        assertThat(oneM2MServices()).isEmpty();
        assertThat(registration.service()).isEmpty();
        assertThat(mec.platform.context().appInstances().get(registration.appInstanceId())).isPresent();
    }

    @Test
    void registers_the_cse_as_iot_platform_with_its_mqtt_and_http_transports() {
        startRegistration(true);

        var platform = new MecIotClient(mec.platform.baseUrl()).platform("id-mn1");
        assertThat(platform.enabled()).isTrue();
        assertThat(platform.userTransportInfo()).extracting(MBTransportInfo::protocol).containsExactly("MQTT", "HTTP");
        assertThat(platform.userTransportInfo().getFirst().implSpecificInfo().uplinkTopics())
                .containsExactly("/oneM2M/req/+/id-mn1/+");
        assertThat(platform.customServicesTransportInfo().getFirst().endpoint().uris()).containsExactly(cse.baseUrl());
    }

    @Test
    void discovers_the_local_rnis_location_ams_and_metrics_services() {
        startRegistration(true);

        for (MecServiceKind kind : MecServiceKind.values()) {
            assertThat(registration.services().url(kind)).as(kind.name()).hasValueSatisfying(url ->
                    assertThat(url).startsWith(mec.hostUrl("mec-host-a") + "/"));
        }
        assertThat(registration.services().url(MecServiceKind.RNIS)).contains(mec.hostUrl("mec-host-a") + "/rni/v2");
    }

    @Test
    void follows_service_availability_changes() {
        startRegistration(true);
        AtomicReference<String> told = new AtomicReference<>();
        registration.services().addListener((kind, url) -> {
            if (kind == MecServiceKind.RNIS) {
                told.set(url.orElse("gone"));
            }
        });
        var registry = mec.platform.context().serviceRegistry();
        var localRnis = registry.all().stream()
                .filter(r -> r.info().serName().equals("rnis") && "mec-host-a".equals(r.hostName()))
                .findFirst().orElseThrow();

        registry.update(localRnis.id(), localRnis.info().withState(ServiceState.INACTIVE));

        await().atMost(Duration.ofSeconds(5)).until(() -> told.get() != null);
        assertThat(registration.services().url(MecServiceKind.RNIS)).hasValueSatisfying(url ->
                assertThat(url).isNotEqualTo(mec.hostUrl("mec-host-a") + "/rni/v2").endsWith("/rni/v2"));
    }

    @Test
    void withdraws_and_confirms_when_the_platform_terminates_the_app() throws Exception {
        startRegistration(true);
        CompletableFuture<OperationActionType> terminated = new CompletableFuture<>();
        registration.addTerminationListener(terminated::complete);

        CompletableFuture<Boolean> confirmed = mec.platform.context().appInstances()
                .requestShutdown(registration.appInstanceId(), OperationActionType.TERMINATING);

        assertThat(confirmed.get(5, TimeUnit.SECONDS)).as("confirm_termination within the grace period").isTrue();
        assertThat(terminated.get(5, TimeUnit.SECONDS)).isEqualTo(OperationActionType.TERMINATING);
        assertThat(registration.state()).isEqualTo(MecAppRegistration.State.TERMINATED);
        assertThat(oneM2MServices()).isEmpty();
        assertThatThrownBy(() -> new MecIotClient(mec.platform.baseUrl()).platform("id-mn1"))
                .isInstanceOfSatisfying(MecProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void stop_deregisters_service_iot_platform_and_app_instance() {
        startRegistration(true);
        String appInstanceId = registration.appInstanceId();

        registration.stop();

        assertThat(oneM2MServices()).isEmpty();
        assertThat(new MecIotClient(mec.platform.baseUrl()).platforms()).isEmpty();
        assertThat(mec.platform.context().appInstances().get(appInstanceId)).isEmpty();
        assertThat(registration.state()).isEqualTo(MecAppRegistration.State.STOPPED);
    }

    @Test
    void a_restart_with_the_same_app_instance_id_reuses_the_registration_without_duplicates() {
        startRegistration(true);
        String appInstanceId = registration.appInstanceId();
        MecAppRegistration again = new MecAppRegistration(MecAppRegistrationConfig.builder()
                .platformUrl(mec.hostUrl("mec-host-a")).appInstanceId(appInstanceId)
                .cseId(CseTestbed.CSE_ID).cseBaseName(CseTestbed.CSE_BASE)
                .httpPointOfAccess(cse.baseUrl()).build());

        again.start();   // the first one "crashed": nothing withdrawn

        assertThat(oneM2MServices()).hasSize(1);
        assertThat(new MecIotClient(mec.platform.baseUrl()).platforms()).hasSize(1);
        assertThat(again.appInstanceId()).isEqualTo(appInstanceId);
        again.stop();
    }
}
