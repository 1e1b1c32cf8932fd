package org.oneedge.interworking.mecapp;

import org.junit.jupiter.api.Test;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.LocalityType;
import org.oneedge.mec.api.servicemgmt.SerializerType;
import org.oneedge.mec.api.servicemgmt.ServiceInfo;
import org.oneedge.mec.api.servicemgmt.ServiceState;
import org.oneedge.mec.api.servicemgmt.TransportInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MecServiceDirectoryTest {

    private static ServiceInfo service(String name, String category, String url, ServiceState state,
                                       LocalityType scope, boolean local) {
        return new ServiceInfo("id-" + url, name, new CategoryRef(url, category, category, "v1"), "v1", state, null,
                TransportInfo.restHttp("t", url), SerializerType.JSON, scope, false, local, null, null);
    }

    @Test
    void prefers_the_local_host_instance_and_recognises_advantedge_names() {
        MecServiceDirectory directory = new MecServiceDirectory();

        directory.refresh(List.of(
                service("rnis", "RNI", "http://mec/rni/v2", ServiceState.ACTIVE, LocalityType.MEC_SYSTEM, true),
                service("rnis", "RNI", "http://mec/h1/rni/v2", ServiceState.ACTIVE, LocalityType.MEC_HOST, true),
                service("meep-loc-serv", "locationId", "http://ae/location/v2", ServiceState.ACTIVE,
                        LocalityType.MEC_HOST, true),
                service("ams", "AMS", "http://mec/h2/amsi/v1", ServiceState.ACTIVE, LocalityType.MEC_HOST, false),
                service("metrics", "Metrics", "http://mec/h1/metrics/v1", ServiceState.INACTIVE,
                        LocalityType.MEC_HOST, true)));

        assertThat(directory.url(MecServiceKind.RNIS)).contains("http://mec/h1/rni/v2");
        assertThat(directory.url(MecServiceKind.LOCATION)).contains("http://ae/location/v2");
        assertThat(directory.url(MecServiceKind.AMS)).contains("http://mec/h2/amsi/v1");
        assertThat(directory.url(MecServiceKind.METRICS)).as("inactive services are not used").isEmpty();
    }

    @Test
    void tells_listeners_only_about_kinds_whose_url_changed() {
        MecServiceDirectory directory = new MecServiceDirectory();
        ServiceInfo rnis = service("rnis", "RNI", "http://mec/h1/rni/v2", ServiceState.ACTIVE,
                LocalityType.MEC_HOST, true);
        directory.refresh(List.of(rnis));
        List<String> told = new ArrayList<>();
        directory.addListener((kind, url) -> told.add(kind + "=" + url.orElse("gone")));

        directory.refresh(List.of(rnis));
        directory.refresh(List.of());

        assertThat(told).containsExactly("RNIS=gone");
        assertThat(directory.service(MecServiceKind.RNIS)).isEqualTo(Optional.empty());
    }
}
