package org.oneedge.cse.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ResourceType;

/**
 * Picks the {@code <remoteCSE>} through which another CSE is reached (TS-0001 10.2.3, digest §4.3 "Forwarding"):
 * the CSE's own {@code <remoteCSE>} when it is registered here, else a registree listing it in {@code dcse}
 * (a descendant), else this CSE's registrar (the {@code <remoteCSE>} labelled
 * {@value RemoteCseHandler#REGISTRAR_LABEL}). Reads the store on every call, so registrations take effect at once.
 */
public final class RemoteCseRoutes {

    /** How a CSE-ID is reached: the {@code <remoteCSE>} to send to and whether it is the target itself. */
    public record Route(Resource remoteCse, Kind kind) {
        public enum Kind { DIRECT, DESCENDANT, REGISTRAR }

        /** The points of access of the next hop, in the order given. */
        public List<String> pointsOfAccess() {
            List<String> urls = new ArrayList<>();
            JsonNode poa = remoteCse.attributes().get("poa");
            if (poa != null && poa.isArray()) {
                poa.forEach(url -> urls.add(url.asText()));
            }
            return urls;
        }

        public String cseId() {
            return remoteCse.attributes().path("csi").asText("/" + remoteCse.ri());
        }
    }

    private final ResourceStore store;
    private final String cseBaseRi;

    /**
     * @param cseBaseRi the {@code ri} of the local CSEBase (the CSE-ID without {@code /})
     */
    public RemoteCseRoutes(ResourceStore store, String cseBaseRi) {
        this.store = store;
        this.cseBaseRi = cseBaseRi;
    }

    /** The route toward an SP-relative CSE-ID such as {@code /id-mn2}; empty when no route is known. */
    public Optional<Route> route(String cseId) {
        Optional<Resource> direct = store.get(cseId.substring(1)).filter(RemoteCseRoutes::isRemoteCse);
        if (direct.isPresent()) {
            return direct.map(r -> new Route(r, Route.Kind.DIRECT));
        }
        Resource registrar = null;
        for (Resource remote : remoteCses()) {
            if (contains(remote.attributes().get("dcse"), cseId)) {
                return Optional.of(new Route(remote, Route.Kind.DESCENDANT));
            }
            if (RemoteCseHandler.hasRegistrarLabel(remote.attributes().get("lbl"))) {
                registrar = remote;
            }
        }
        return Optional.ofNullable(registrar).map(r -> new Route(r, Route.Kind.REGISTRAR));
    }

    /** The local {@code <remoteCSE>} of this CSE's registrar, if it is registered upward. */
    public Optional<Resource> registrar() {
        return remoteCses().stream()
                .filter(r -> RemoteCseHandler.hasRegistrarLabel(r.attributes().get("lbl"))).findFirst();
    }

    /** Every {@code <remoteCSE>} below the CSEBase. */
    public List<Resource> remoteCses() {
        return store.children(cseBaseRi, ResourceType.REMOTE_CSE, 0, Integer.MAX_VALUE);
    }

    private static boolean isRemoteCse(Resource r) {
        return r.type() == ResourceType.REMOTE_CSE;
    }

    private static boolean contains(JsonNode list, String value) {
        if (list != null && list.isArray()) {
            for (JsonNode v : list) {
                if (value.equals(v.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
