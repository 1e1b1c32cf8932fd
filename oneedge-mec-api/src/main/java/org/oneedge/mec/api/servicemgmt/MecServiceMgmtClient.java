package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.core.type.TypeReference;
import org.oneedge.mec.api.common.MecRestClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocking client of the MEC 011 service management API ({@code /mec_service_mgmt/v1}): register, update and
 * deregister services, discover them, subscribe to their availability. Errors surface as
 * {@link org.oneedge.mec.api.common.MecProblemException}.
 *
 * <pre>{@code
 * var mgmt = new MecServiceMgmtClient("http://127.0.0.1:8090");            // or http://.../mep1
 * ServiceInfo rnis = mgmt.discover(MecServiceMgmtClient.Query.byName("rnis").local(true)).getFirst();
 * }</pre>
 */
public final class MecServiceMgmtClient {

    public static final String BASE_PATH = "/mec_service_mgmt/v1";

    /** Discovery filters ({@code GET /services} query parameters); {@code null} = not given. */
    public record Query(List<String> serInstanceIds, List<String> serNames, String serCategoryId,
                        LocalityType scopeOfLocality, Boolean consumedLocalOnly, Boolean isLocal) {

        public static Query all() {
            return new Query(null, null, null, null, null, null);
        }

        public static Query byName(String... names) {
            return new Query(null, List.of(names), null, null, null, null);
        }

        public static Query byInstanceId(String... ids) {
            return new Query(List.of(ids), null, null, null, null, null);
        }

        public static Query byCategory(String categoryId) {
            return new Query(null, null, categoryId, null, null, null);
        }

        public Query local(boolean value) {
            return new Query(serInstanceIds, serNames, serCategoryId, scopeOfLocality, consumedLocalOnly, value);
        }

        public Query scope(LocalityType value) {
            return new Query(serInstanceIds, serNames, serCategoryId, value, consumedLocalOnly, isLocal);
        }

        public Query consumedLocalOnly(boolean value) {
            return new Query(serInstanceIds, serNames, serCategoryId, scopeOfLocality, value, isLocal);
        }

        String toQueryString() {
            List<String> parts = new ArrayList<>();
            if (serInstanceIds != null && !serInstanceIds.isEmpty()) {
                parts.add("ser_instance_id=" + enc(String.join(",", serInstanceIds)));
            }
            if (serNames != null && !serNames.isEmpty()) {
                parts.add("ser_name=" + enc(String.join(",", serNames)));
            }
            if (serCategoryId != null) {
                parts.add("ser_category_id=" + enc(serCategoryId));
            }
            if (scopeOfLocality != null) {
                parts.add("scope_of_locality=" + scopeOfLocality);
            }
            if (consumedLocalOnly != null) {
                parts.add("consumed_local_only=" + consumedLocalOnly);
            }
            if (isLocal != null) {
                parts.add("is_local=" + isLocal);
            }
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    private final MecRestClient rest;

    /** @param platformUrl the platform (or host view) URL, e.g. {@code http://127.0.0.1:8090/mep1} */
    public MecServiceMgmtClient(String platformUrl) {
        this(MecRestClient.of(stripSlash(platformUrl) + BASE_PATH));
    }

    public MecServiceMgmtClient(MecRestClient rest) {
        this.rest = rest;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public List<ServiceInfo> discover(Query query) {
        return rest.get("/services" + query.toQueryString(), new TypeReference<List<ServiceInfo>>() { }).body();
    }

    public ServiceInfo service(String serInstanceId) {
        return rest.get("/services/" + serInstanceId, ServiceInfo.class).body();
    }

    /** The first local, active service with this name, if any. */
    public Optional<ServiceInfo> findLocal(String serName) {
        return discover(Query.byName(serName).local(true)).stream()
                .filter(s -> s.state() == ServiceState.ACTIVE).findFirst();
    }

    public List<TransportInfo> transports() {
        return rest.get("/transports", new TypeReference<List<TransportInfo>>() { }).body();
    }

    public List<ServiceInfo> servicesOf(String appInstanceId) {
        return rest.get("/applications/" + appInstanceId + "/services",
                new TypeReference<List<ServiceInfo>>() { }).body();
    }

    /** Registers a service offered by {@code appInstanceId}; returns it with {@code serInstanceId} and links. */
    public ServiceInfo register(String appInstanceId, ServiceInfo service) {
        return rest.post("/applications/" + appInstanceId + "/services", service, ServiceInfo.class).body();
    }

    public ServiceInfo update(String appInstanceId, ServiceInfo service) {
        return rest.put("/applications/" + appInstanceId + "/services/" + service.serInstanceId(), service,
                ServiceInfo.class).body();
    }

    public void deregister(String appInstanceId, String serInstanceId) {
        rest.delete("/applications/" + appInstanceId + "/services/" + serInstanceId);
    }

    /** Sends a liveness heartbeat to the service's {@code _links.liveness} URL. */
    public ServiceLivenessInfo heartbeat(ServiceInfo registered, ServiceState state) {
        if (registered.links() == null || registered.links().liveness() == null) {
            throw new IllegalArgumentException("service " + registered.serInstanceId() + " has no liveness link");
        }
        return rest.patch(registered.links().liveness().href(), new ServiceLivenessUpdate(state),
                ServiceLivenessInfo.class).body();
    }

    public SerAvailabilityNotificationSubscription subscribe(String appInstanceId,
                                                            SerAvailabilityNotificationSubscription subscription) {
        return rest.post("/applications/" + appInstanceId + "/subscriptions", subscription,
                SerAvailabilityNotificationSubscription.class).body();
    }

    public SubscriptionLinkList subscriptions(String appInstanceId) {
        return rest.get("/applications/" + appInstanceId + "/subscriptions", SubscriptionLinkList.class).body();
    }

    /** Deletes a subscription by its {@code _links.self.href}. */
    public void unsubscribe(String subscriptionHref) {
        rest.delete(subscriptionHref);
    }
}
