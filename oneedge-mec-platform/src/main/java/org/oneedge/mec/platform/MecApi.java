package org.oneedge.mec.platform;

import org.oneedge.mec.platform.http.Routes;

import java.util.Optional;

/**
 * One MEC REST API served by the {@link MecPlatform} (MEC 011, 012, 013, 021, 010-2, 033, metrics): it names its
 * base path and declares its routes once; the platform serves every route twice.
 *
 * <pre>
 *   GET /rni/v2/queries/rab_info            -> handler, exchange.hostName() == null   (system-wide view)
 *   GET /mep1/rni/v2/queries/rab_info       -> handler, exchange.hostName() == "mep1" (that MEC host's view)
 *   GET /nosuchhost/rni/v2/...              -> 404 ProblemDetails, handler not called
 * </pre>
 *
 * How to write one (see {@code org.oneedge.mec.platform.servicemgmt.ServiceMgmtApi} for a full example):
 * <pre>{@code
 * public final class RniApi implements MecApi {
 *     RniApi(MecPlatformContext ctx) { ... }                       // built by a MecApi.Factory
 *     public String basePath() { return "/rni/v2"; }
 *     public void register(Routes routes) {
 *         routes.get("/queries/rab_info", ex -> ex.ok(query(ex.hostName(), ex.queryParam("cell_id"))));
 *         routes.post("/subscriptions", ex -> { var s = ex.body(SubscriptionBody.class); ...
 *             ex.created(ex.href("/subscriptions/" + id), stored); });
 *     }
 *     public Optional<MecServiceDescription> service() {
 *         return Optional.of(new MecServiceDescription("rnis", "RNI", "v2")); }
 * }
 * MecPlatform.builder().config(cfg).api(RniApi::new).build().start();
 * }</pre>
 *
 * Handlers signal errors by throwing {@link org.oneedge.mec.api.common.MecProblemException} (400/403/404/409/412);
 * a malformed JSON body read with {@link org.oneedge.mec.platform.http.MecExchange#body(Class)} becomes 400 by
 * itself, unknown paths 404 and unsupported methods 405, all as {@code application/problem+json}.
 */
public interface MecApi {

    /** Base path without host prefix and without trailing slash, e.g. {@code /mec_service_mgmt/v1}. */
    String basePath();

    /** Declares the routes, with paths relative to {@link #basePath()} and {@code {param}} path parameters. */
    void register(Routes routes);

    /**
     * The MEC service this API offers, if any: the platform registers it in the MEC 011 service registry when it
     * starts (transport {@code REST_HTTP} at the platform URL + base path), so {@code GET /services} finds it.
     */
    default Optional<MecServiceDescription> service() {
        return Optional.empty();
    }

    /** Called once the HTTP server listens (base URL known). Default: nothing. */
    default void start() {
    }

    /** Called before the HTTP server stops. Default: nothing. */
    default void stop() {
    }

    /** Builds an API from the platform's shared pieces; passed to {@link MecPlatform.Builder#api(Factory)}. */
    @FunctionalInterface
    interface Factory {
        MecApi create(MecPlatformContext context);
    }
}
