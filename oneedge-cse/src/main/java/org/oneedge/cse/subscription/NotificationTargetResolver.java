package org.oneedge.cse.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Predicate;
import org.oneedge.cse.remote.RemoteCseRoutes;
import org.oneedge.cse.polling.PollingChannelSender;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ResourceType;

/**
 * Turns a notification target into a point of access (TS-0004 7.5.1.2.2, digest §6.7): URLs ({@code http://…})
 * are used as they are; resource ids of an {@code <AE>} or {@code <remoteCSE>} (CSE-relative, SP-relative or
 * absolute) resolve to the entity's first {@code poa} a sender can reach; ids at another CSE go to that CSE's
 * {@code <remoteCSE>} {@code poa}. An AE with {@code rr=false} or without {@code poa} is reached through its
 * polling-channel queue ({@link PollingChannelSender}) when that sender is installed.
 */
public final class NotificationTargetResolver {

    private final ResourceStore store;
    private final String cseId;
    private final String spId;
    private final Predicate<String> reachableUrl;

    /**
     * @param reachableUrl tells whether some sender supports a URL
     */
    public NotificationTargetResolver(ResourceStore store, String cseId, String spId, Predicate<String> reachableUrl) {
        this.store = store;
        this.cseId = cseId;
        this.spId = spId;
        this.reachableUrl = reachableUrl;
    }

    /** True when the entry is a URL rather than a resource id. */
    public static boolean isUrl(String entry) {
        return entry.contains("://");
    }

    public NotificationTarget resolve(String entry) {
        if (isUrl(entry)) {
            return reachableUrl.test(entry) ? new NotificationTarget.Reachable(entry, entry, entry)
                    : new NotificationTarget.Unreachable(entry, "no sender supports " + entry);
        }
        String id = entry;
        String ownAbsolute = "//" + spId + "/";
        if (id.startsWith(ownAbsolute)) {
            id = id.substring(ownAbsolute.length() - 1);
        } else if (id.startsWith("//")) {
            return new NotificationTarget.Unreachable(entry, "targets in other SP domains are not supported");
        }
        if (id.startsWith(cseId + "/")) {
            id = id.substring(cseId.length() + 1);
        } else if (id.startsWith("/")) {
            return viaRemoteCse(entry, id);
        }
        String local = id;
        Optional<Resource> found = store.get(local).or(() -> store.getByPath(local));
        if (found.isEmpty()) {
            return new NotificationTarget.Unreachable(entry, "no resource " + entry + " at this CSE");
        }
        Resource entity = found.get();
        return switch (entity.type()) {
            case AE -> {
                JsonNode rr = entity.attributes().get("rr");
                boolean unreachable = rr != null && rr.isBoolean() && !rr.asBoolean();
                JsonNode poa = entity.attributes().get("poa");
                String channel = PollingChannelSender.address(entity.ri());
                if ((unreachable || poa == null || poa.isEmpty()) && reachableUrl.test(channel)) {
                    yield new NotificationTarget.Reachable(entry, channel, entry); // its pollingChannel queue
                }
                if (unreachable) {
                    yield new NotificationTarget.Unreachable(entry, "AE " + entity.ri()
                            + " has rr=false and no polling channel sender is installed");
                }
                yield pointOfAccess(entry, entity, entry);
            }
            case REMOTE_CSE -> remoteCse(entry, entity);
            default -> new NotificationTarget.Unreachable(entry, entry + " is a " + entity.type()
                    + ", not an AE or remote CSE");
        };
    }

    private NotificationTarget viaRemoteCse(String entry, String spRelative) {
        int slash = spRelative.indexOf('/', 1);
        String csi = slash < 0 ? spRelative : spRelative.substring(0, slash);
        Optional<Resource> remote = new RemoteCseRoutes(store, cseId.substring(1)).route(csi)
                .map(RemoteCseRoutes.Route::remoteCse);
        if (remote.isEmpty()) {
            return new NotificationTarget.Unreachable(entry, "no remote CSE " + csi
                    + " registered here and no registrar to route through");
        }
        return remoteCse(entry, remote.get());
    }

    /**
     * Through a {@code <remoteCSE>}: its {@code poa}, or its polling channel when it registered with {@code rr=false}
     * (digest §6.7: "If that entity has rr=false, the request goes through its {@code <pollingChannel>}").
     */
    private NotificationTarget remoteCse(String entry, Resource remote) {
        JsonNode rr = remote.attributes().get("rr");
        if (rr != null && rr.isBoolean() && !rr.asBoolean()) {
            String channel = PollingChannelSender.address(remote.ri());
            return reachableUrl.test(channel) ? new NotificationTarget.Reachable(entry, channel, entry)
                    : new NotificationTarget.Unreachable(entry, "remote CSE " + remote.ri()
                            + " has rr=false and no polling channel sender is installed");
        }
        return pointOfAccess(entry, remote, entry);
    }

    private NotificationTarget pointOfAccess(String entry, Resource entity, String to) {
        JsonNode poa = entity.attributes().get("poa");
        if (poa == null || !poa.isArray() || poa.isEmpty()) {
            return new NotificationTarget.Unreachable(entry, entity.type() + " " + entity.ri() + " has no poa");
        }
        for (JsonNode url : poa) {
            if (url.isTextual() && reachableUrl.test(url.asText())) {
                return new NotificationTarget.Reachable(entry, url.asText(), to);
            }
        }
        return new NotificationTarget.Unreachable(entry, "no sender supports the poa of " + entity.ri() + ": " + poa);
    }
}
