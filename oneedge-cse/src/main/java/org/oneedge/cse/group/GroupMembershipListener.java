package org.oneedge.cse.group;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.oneedge.cse.CseConfig;
import org.oneedge.cse.event.ResourceEvent;
import org.oneedge.cse.event.ResourceEventListener;
import org.oneedge.cse.resource.LocalResolver;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.Operation;
import org.oneedge.model.Request;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a deleted (or expired) resource from the {@code mid} of every local group that lists it (TS-0001 9.6.13,
 * digest §7.3 "Deleting a member resource removes it from the group's mid"). Keeps an index from member {@code ri} to
 * the groups and {@code mid} entries naming it, built once at start and kept up to date from group events, so a
 * deletion costs one map lookup. The change is an UPDATE of {@code mid} sent through the CSE as the admin originator.
 */
final class GroupMembershipListener implements ResourceEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMembershipListener.class);

    private final CseClient cse;
    private final ResourceStore store;
    private final LocalResolver resolver;
    private final CseConfig config;
    private final AtomicLong requests = new AtomicLong();
    /** group ri → (mid entry → ri of the local resource it names). */
    private final Map<String, Map<String, String>> membersByGroup = new HashMap<>();
    /** member ri → group ris. */
    private final Map<String, Set<String>> groupsByMember = new HashMap<>();

    GroupMembershipListener(CseClient cse, ResourceStore store, LocalResolver resolver, CseConfig config) {
        this.cse = cse;
        this.store = store;
        this.resolver = resolver;
        this.config = config;
    }

    /** Indexes the groups already stored. */
    synchronized void start() {
        for (Resource group : store.descendants(config.cseBaseName(), 0, Set.of(ResourceType.GROUP))) {
            index(group);
        }
    }

    @Override
    public void onEvent(ResourceEvent event) {
        switch (event) {
            case ResourceEvent.Created c when c.resource().type() == ResourceType.GROUP -> reindex(c.resource());
            case ResourceEvent.Updated u when u.after().type() == ResourceType.GROUP -> reindex(u.after());
            case ResourceEvent.Deleted d -> deleted(d);
            default -> { }
        }
    }

    private synchronized void reindex(Resource group) {
        unindex(group.ri());
        index(group);
    }

    private void deleted(ResourceEvent.Deleted event) {
        Set<String> gone = new HashSet<>();
        gone.add(event.resource().ri());
        event.removedDescendants().forEach(r -> gone.add(r.ri()));
        Map<String, List<String>> remainingByGroup = new LinkedHashMap<>();
        synchronized (this) {
            for (String ri : gone) {
                unindex(ri);
            }
            for (String ri : gone) {
                for (String groupRi : groupsByMember.getOrDefault(ri, Set.of())) {
                    Map<String, String> members = membersByGroup.get(groupRi);
                    if (members != null) {
                        List<String> remaining = new ArrayList<>();
                        members.forEach((entry, memberRi) -> {
                            if (!gone.contains(memberRi)) {
                                remaining.add(entry);
                            }
                        });
                        remainingByGroup.put(groupRi, remaining);
                    }
                }
            }
        }
        remainingByGroup.forEach(this::replaceMembers);
    }

    private void replaceMembers(String groupRi, List<String> remaining) {
        Optional<Resource> group = store.get(groupRi);
        if (group.isEmpty()) {
            return;
        }
        List<String> mid = new ArrayList<>();
        group.get().attributes().path("mid").forEach(e -> mid.add(e.asText()));
        Map<String, String> indexed;
        synchronized (this) {
            indexed = membersByGroup.getOrDefault(groupRi, Map.of());
        }
        mid.removeIf(entry -> indexed.containsKey(entry) && !remaining.contains(entry));
        ObjectNode content = ContentCodec.object();
        ArrayNode list = content.putObject("m2m:grp").putArray("mid");
        mid.forEach(list::add);
        Response r = cse.send(Request.builder().operation(Operation.UPDATE).to(groupRi)
                .from(config.adminOriginator()).releaseVersion(config.supportedReleaseVersions().getLast())
                .requestId("grp-mid-" + requests.incrementAndGet()).content(content).build());
        if (r.isSuccess()) {
            LOG.debug("group {}: deleted members removed from mid, {} left", group.get().path(), mid.size());
        } else {
            LOG.warn("group {}: could not remove deleted members from mid: {} {}", group.get().path(),
                    r.statusCode().code(), r.debugMessage());
        }
    }

    private void index(Resource group) {
        Map<String, String> members = new LinkedHashMap<>();
        group.attributes().path("mid").forEach(e -> {
            String entry = e.asText();
            memberRi(entry).ifPresent(ri -> {
                members.put(entry, ri);
                groupsByMember.computeIfAbsent(ri, k -> new HashSet<>()).add(group.ri());
            });
        });
        membersByGroup.put(group.ri(), members);
    }

    private void unindex(String groupRi) {
        Map<String, String> members = membersByGroup.remove(groupRi);
        if (members == null) {
            return;
        }
        for (String memberRi : members.values()) {
            Set<String> groups = groupsByMember.get(memberRi);
            if (groups != null) {
                groups.remove(groupRi);
                if (groups.isEmpty()) {
                    groupsByMember.remove(memberRi);
                }
            }
        }
    }

    /** The ri of the local resource a mid entry names; for {@code …/fopt}, {@code …/la}, {@code …/ol} its parent's. */
    private Optional<String> memberRi(String entry) {
        Optional<Resource> direct = resolver.find(entry);
        if (direct.isPresent()) {
            return Optional.of(direct.get().ri());
        }
        int slash = entry.lastIndexOf('/');
        return slash > 0 ? resolver.find(entry.substring(0, slash)).map(Resource::ri) : Optional.empty();
    }
}
