package org.oneedge.mec.platform.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The routes one {@link org.oneedge.mec.platform.MecApi} declares, relative to its base path ({@code "/services"},
 * {@code "/services/{serviceId}"}, or {@code ""} for the base path itself). The HTTP server serves each route at the
 * root and under every MEC host name.
 */
public final class Routes {

    /** One declared route. */
    public record Route(String method, String path, MecHandler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes get(String path, MecHandler handler) { return add("GET", path, handler); }
    public Routes post(String path, MecHandler handler) { return add("POST", path, handler); }
    public Routes put(String path, MecHandler handler) { return add("PUT", path, handler); }
    public Routes patch(String path, MecHandler handler) { return add("PATCH", path, handler); }
    public Routes delete(String path, MecHandler handler) { return add("DELETE", path, handler); }

    private Routes add(String method, String path, MecHandler handler) {
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        routes.add(new Route(method, path, handler));
        return this;
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }
}
