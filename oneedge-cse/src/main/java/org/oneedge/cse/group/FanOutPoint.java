package org.oneedge.cse.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.oneedge.cse.resource.VirtualRequest;
import org.oneedge.cse.store.Resource;
import org.oneedge.model.ContentCodec;
import org.oneedge.model.CseClient;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;
import org.oneedge.model.Request;
import org.oneedge.model.Response;
import org.oneedge.model.ResponseStatusCode;
import org.oneedge.model.TimestampCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual {@code <fanOutPoint>} of a group (TS-0004 7.4.14, TS-0001 10.2.7.6-9, digest §7.3): a request to
 * {@code <group>/fopt[/path]} is checked against {@code macp} (else the group's {@code acpi}), then re-sent unchanged
 * except for {@code to} (member + path) and {@code gid} to every member through the CSE itself, so each member's own
 * access control applies and members on other CSEs go through the engine's {@code Forwarder}. The answers are
 * aggregated in member order as {@code {"m2m:agr":{"m2m:rsp":[…]}}} with rsc 2000.
 *
 * <pre>
 *  fopt request ─► macp/acpi check (4103) ─► no members? 4109
 *     ├─► member 1 + path ─► Cse.send ─┐   (virtual threads, at most maxParallel at once,
 *     ├─► member 2 + path ─► Cse.send ─┤    until rset or the fan-out timeout)
 *     └─► …                            ┴─► m2m:agr (late members left out; none answered: 5209)
 * </pre>
 */
final class FanOutPoint {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutPoint.class);

    private final CseClient cse;
    private final ExecutorService executor;
    private final int maxParallel;
    private final Duration timeout;
    private final Clock clock;
    /** group ri + gid of the fan-outs in progress here: a group reached again by its own fan-out answers 4104. */
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    FanOutPoint(CseClient cse, ExecutorService executor, int maxParallel, Duration timeout, Clock clock) {
        this.cse = cse;
        this.executor = executor;
        this.maxParallel = maxParallel;
        this.timeout = timeout;
        this.clock = clock;
    }

    Response handle(VirtualRequest virtual) {
        Request request = virtual.request();
        Resource group = virtual.parent();
        if (!virtual.access().permits(request.from(), request.operation().privilege(), policyHolder(group), request)) {
            throw new OneM2MException(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE, "originator '" + request.from()
                    + "' has no privilege to " + request.operation() + " through '" + group.path() + "/fopt'"
                    + (group.attributes().has("macp") ? " (membersAccessControlPolicyIDs)" : ""));
        }
        List<String> members = new ArrayList<>();
        group.attributes().path("mid").forEach(m -> members.add(m.asText()));
        if (members.isEmpty()) {
            throw new OneM2MException(ResponseStatusCode.NO_MEMBERS,
                    "group '" + group.path() + "' has no members to fan out to");
        }
        int mt = group.attributes().path("mt").asInt(GroupHandler.MIXED);
        if (request.operation() == Operation.CREATE && virtual.subPath().isEmpty() && mt != GroupHandler.MIXED
                && request.resourceType() != null) {
            ResourceType memberType = ResourceType.of(mt).orElse(null);
            if (memberType != null && !virtual.children().allows(memberType, request.resourceType())) {
                throw new OneM2MException(ResponseStatusCode.INVALID_CHILD_RESOURCE_TYPE, "ty="
                        + request.resourceType() + " cannot be created below the members of '" + group.path()
                        + "', which are of type " + memberType.shortName() + " (mt=" + mt + ")");
            }
        }
        String gid = request.groupRequestIdentifier() != null ? request.groupRequestIdentifier()
                : UUID.randomUUID().toString();
        String key = group.ri() + " " + gid;
        if (!inProgress.add(key)) {
            throw new OneM2MException(ResponseStatusCode.GROUP_REQUEST_IDENTIFIER_EXISTS, "group request '" + gid
                    + "' already reached '" + group.path() + "': the group is a member of itself");
        }
        try {
            return fanOut(request, members, virtual.subPath(), gid, group);
        } finally {
            inProgress.remove(key);
        }
    }

    /** The group with {@code macp} in place of {@code acpi} when set (TS-0001 9.6.13: macp governs fopt access). */
    private static Resource policyHolder(Resource group) {
        JsonNode macp = group.attributes().get("macp");
        if (macp == null || !macp.isArray() || macp.isEmpty()) {
            return group;
        }
        ObjectNode attributes = group.attributes().deepCopy();
        attributes.set("acpi", macp);
        return new Resource(group.ri(), group.pi(), group.type(), group.rn(), group.path(), group.createdAt(),
                group.modifiedAt(), group.expiresAt(), attributes);
    }

    private Response fanOut(Request request, List<String> members, String subPath, String gid, Resource group) {
        Instant deadline = deadline(request);
        Semaphore slots = new Semaphore(maxParallel);
        List<Future<Response>> answers = new ArrayList<>(members.size());
        for (String member : members) {
            Request memberRequest = request.toBuilder().to(member + subPath).groupRequestIdentifier(gid).build();
            try {
                if (!slots.tryAcquire(remaining(deadline), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answers.add(executor.submit(() -> {
                try {
                    return cse.send(memberRequest);
                } finally {
                    slots.release();
                }
            }));
        }
        ObjectNode content = ContentCodec.object();
        ArrayNode list = content.putObject("m2m:agr").putArray("m2m:rsp");
        int answered = 0;
        for (int i = 0; i < answers.size(); i++) {
            Response answer = await(answers.get(i), deadline, members.get(i));
            if (answer == null) {
                continue;
            }
            answered++;
            ObjectNode rsp = list.addObject();
            rsp.put("rsc", answer.statusCode().code());
            rsp.put("rqi", answer.requestId() != null ? answer.requestId() : request.requestId());
            if (answer.content() != null && !answer.content().isNull()) {
                rsp.set("pc", answer.content());
            }
            rsp.put("fr", members.get(i));
            if (request.from() != null) {
                rsp.put("to", request.from());
            }
        }
        LOG.debug("fan-out {} {} gid {} to {} members of {}: {} answered", request.operation(), subPath, gid,
                members.size(), group.path(), answered);
        if (answered == 0) {
            throw new OneM2MException(ResponseStatusCode.GROUP_MEMBERS_NOT_RESPONDED, "none of the "
                    + members.size() + " members of '" + group.path() + "' answered before the result expiration");
        }
        return Response.of(ResponseStatusCode.OK, content);
    }

    /** The answer, or null when it came too late (then the member request is abandoned). */
    private Response await(Future<Response> answer, Instant deadline, String member) {
        try {
            return answer.get(remaining(deadline), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.debug("member {} did not answer in time", member);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return null;
        } catch (ExecutionException e) {
            return Response.error(ResponseStatusCode.INTERNAL_SERVER_ERROR,
                    "member request failed: " + e.getCause());
        }
    }

    /** {@code rset} when the originator gave one (absolute or relative ms), else now + the fan-out timeout. */
    private Instant deadline(Request request) {
        Instant now = clock.instant();
        String rset = request.resultExpirationTimestamp();
        if (rset != null) {
            try {
                return rset.chars().allMatch(Character::isDigit)
                        ? now.plusMillis(Long.parseLong(rset)) : TimestampCodec.parse(rset);
            } catch (RuntimeException e) {
                throw new OneM2MException(ResponseStatusCode.BAD_REQUEST,
                        "result expiration timestamp '" + rset + "' is neither a timestamp nor milliseconds");
            }
        }
        return now.plus(timeout);
    }

    private long remaining(Instant deadline) {
        return Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
    }
}
