package org.oneedge.mec.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.common.ProblemDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * The one HTTP server of a MEC platform (Javalin on Jetty 12, a virtual thread per request). It serves every
 * {@link Routes.Route} of every API at {@code basePath + path} (system-wide view) and at
 * {@code /{mecHostName} + basePath + path} (host view), and is the single place that maps errors to
 * {@code application/problem+json}:
 *
 * <pre>
 *   MecProblemException          -> its status and ProblemDetails
 *   malformed body (MecExchange) -> 400
 *   unknown MEC host name        -> 404
 *   no route for the path        -> 404
 *   route exists, other method   -> 405
 *   anything else                -> 500 (logged)
 * </pre>
 */
public final class MecHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MecHttpServer.class);
    private static final String PROBLEM_WRITTEN = "oneedge.mec.problemWritten";
    static final String HOST_PARAM = "mecHostName";

    /** An API's routes under its base path. */
    public record Mount(String basePath, Routes routes) {
    }

    private final Javalin javalin;
    private final String bindHost;
    private final int bindPort;

    public MecHttpServer(String bindHost, int bindPort, Set<String> hostNames, List<Mount> mounts,
                         ObjectMapper mapper, WebsocketChannels websockets) {
        this.bindHost = bindHost;
        this.bindPort = bindPort;
        this.javalin = Javalin.create(config -> {
            configure(config, hostNames, mounts, mapper);
            config.routes.ws(WebsocketChannels.PATH, websockets::configure);
        });
    }

    private static void configure(JavalinConfig config, Set<String> hostNames, List<Mount> mounts,
                                  ObjectMapper mapper) {
        config.concurrency.useVirtualThreads = true;
        config.http.prefer405over404 = true;
        config.router.ignoreTrailingSlashes = true;
        config.startup.showJavalinBanner = false;
        // Root views first so that "/{mecHostName}/..." never shadows a root route.
        for (Mount mount : mounts) {
            for (Routes.Route route : mount.routes().all()) {
                String path = mount.basePath() + route.path();
                config.routes.addHttpHandler(handlerType(route.method()), path,
                        ctx -> route.handler().handle(new MecExchange(ctx, null, mount.basePath(), mapper)));
            }
        }
        for (Mount mount : mounts) {
            for (Routes.Route route : mount.routes().all()) {
                String path = "/{" + HOST_PARAM + "}" + mount.basePath() + route.path();
                config.routes.addHttpHandler(handlerType(route.method()), path, ctx -> {
                    String host = ctx.pathParam(HOST_PARAM);
                    if (!hostNames.contains(host)) {
                        throw MecProblemException.notFound("unknown MEC host '" + host + "'; known hosts are "
                                + hostNames);
                    }
                    route.handler().handle(new MecExchange(ctx, host, mount.basePath(), mapper));
                });
            }
        }
        config.routes.exception(MecProblemException.class, (e, ctx) -> writeProblem(ctx, e.problem(), mapper));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx,
                ProblemDetails.of(e.getStatus(), "HTTP " + e.getStatus(), e.getMessage()), mapper));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("MEC request {} {} failed", ctx.method(), ctx.path(), e);
            writeProblem(ctx, ProblemDetails.of(500, "Internal Server Error",
                    e.getClass().getSimpleName() + ": " + e.getMessage()), mapper);
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                writeProblem(ctx, ProblemDetails.of(404, "Not Found", "no MEC resource at " + ctx.path()), mapper);
            }
        });
        config.routes.error(405, ctx -> {
            if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                writeProblem(ctx, ProblemDetails.of(405, "Method Not Allowed",
                        "method " + ctx.method() + " is not supported on " + ctx.path()), mapper);
            }
        });
    }

    private static HandlerType handlerType(String method) {
        return switch (method) {
            case "GET" -> HandlerType.GET;
            case "POST" -> HandlerType.POST;
            case "PUT" -> HandlerType.PUT;
            case "PATCH" -> HandlerType.PATCH;
            case "DELETE" -> HandlerType.DELETE;
            default -> throw new IllegalArgumentException("unsupported method " + method);
        };
    }

    static void writeProblem(Context ctx, ProblemDetails problem, ObjectMapper mapper) {
        ProblemDetails withInstance = problem.instance() == null ? problem.withInstance(ctx.path()) : problem;
        ctx.attribute(PROBLEM_WRITTEN, Boolean.TRUE);
        int status = problem.status() == null ? 500 : problem.status();
        try {
            ctx.status(status).contentType("application/problem+json")
                    .result(mapper.writeValueAsBytes(withInstance));
        } catch (JsonProcessingException e) {
            ctx.status(status).result("");
        }
        LOG.debug("MEC {} {} -> {} {}", ctx.method(), ctx.path(), status, problem.detail());
    }

    public void start() {
        javalin.start(bindHost, bindPort);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
