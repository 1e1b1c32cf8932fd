package org.oneedge.cse.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oneedge.cse.store.Resource;
import org.oneedge.cse.store.ResourceStore;
import org.oneedge.model.Operation;
import org.oneedge.model.ResourceType;

/**
 * Decides whether an originator may perform an operation on a resource, from the access control policies in the
 * store (TS-0003 7.1.4/7.1.5, TS-0001 9.6.1.3.2, digest §5.2). Pure evaluation: it reads resources and never writes.
 *
 * <p>Order of evaluation:
 * <ol>
 *   <li>The admin originator and the CSE itself are always granted (digest §5.3).</li>
 *   <li>CREATE of {@code <AE>} and {@code <remoteCSE>} is granted: registration rules apply instead (digest §5.2).</li>
 *   <li>An announced copy ({@code …Annc}) is open to the CSE that announced it (its {@code lnk} starts with that
 *       CSE-ID); everyone else is judged by the copy's {@code acpi}, which names the announced copies of the
 *       original's policies (digest §5.2, §8.2).</li>
 *   <li>A request to an {@code <accessControlPolicy>} is judged by that ACP's {@code pvs}.</li>
 *   <li>{@code <contentInstance>} and {@code <timeSeriesInstance>} have no {@code acpi}: their parent decides.</li>
 *   <li>A resource with {@code acpi} is judged by the union of the {@code pv} of the ACPs that exist
 *       (permit-overrides over all rules of all ACPs).</li>
 *   <li>Otherwise (no {@code acpi}, or none of the listed ACPs exists) the default policy of digest §5.2 applies:
 *       only the creator has full access. The creator is the resource's {@code cr} when set, and otherwise the entity
 *       owning the subtree: the nearest {@code <AE>} ({@code aei}) or {@code <remoteCSE>} ({@code csi}) at or above
 *       the resource, since the CSE keeps no other record of who created it. There is no inheritance of the parent's
 *       {@code acpi}: ACPs granted on a CSEBase or an AE do not leak into resources created without {@code acpi}.
 *       As in ACME, a registered AE or CSE may RETRIEVE the CSEBase.</li>
 * </ol>
 * Changing {@code acpi} is judged by {@link #decideAcpiUpdate}: UPDATE in the {@code pvs} of the ACPs currently
 * referenced, or the default policy when there are none.
 */
public final class AccessControlEvaluator {

    private final ResourceStore store;
    private final OriginatorId ids;
    private final String adminOriginator;
    private final Clock clock;

    public AccessControlEvaluator(ResourceStore store, OriginatorId ids, String adminOriginator, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.adminOriginator = adminOriginator;
        this.clock = clock;
    }

    /** The id forms this evaluator compares originators with. */
    public OriginatorId ids() {
        return ids;
    }

    /** Decides {@code request} on {@code target} (for CREATE, the parent of the resource to create). */
    public AccessDecision decide(AccessRequest request, Resource target) {
        if (isPrivileged(request.originator())) {
            return AccessDecision.grant();
        }
        Integer childType = request.childType();
        if (childType != null && (childType == ResourceType.AE.ty() || childType == ResourceType.REMOTE_CSE.ty())) {
            return AccessDecision.grant();
        }
        return evaluate(request, target, target) ? AccessDecision.grant() : deny(request, target);
    }

    /** Decides an UPDATE of {@code acpi} on {@code target}: the {@code pvs} of the ACPs it references now. */
    public AccessDecision decideAcpiUpdate(String originator, Resource target) {
        if (isPrivileged(originator)) {
            return AccessDecision.grant();
        }
        AccessRequest request = AccessRequest.of(originator, Operation.UPDATE);
        List<Resource> policies = referencedPolicies(target);
        boolean granted = policies.isEmpty()
                ? isCreator(originator, target)
                : anyPermits(policies, "pvs", request);
        return granted ? AccessDecision.grant()
                : AccessDecision.deny("originator " + originator + " has no UPDATE privilege on the acpi of "
                        + target.path() + " (selfPrivileges of its access control policies)");
    }

    /** True for the admin originator and the CSE's own CSE-ID, which pass every check. */
    public boolean isPrivileged(String originator) {
        return ids.same(originator, adminOriginator) || ids.same(originator, ids.cseId());
    }

    private boolean evaluate(AccessRequest request, Resource target, Resource judged) {
        if (judged.type().isAnnounced() && isAnnouncingCse(request.originator(), judged)) {
            return true;
        }
        ResourceType type = judged.type().original();
        if (type == ResourceType.ACCESS_CONTROL_POLICY) {
            return anyPermits(List.of(judged), "pvs", request);
        }
        if (type == ResourceType.CONTENT_INSTANCE || type == ResourceType.TIME_SERIES_INSTANCE
                || type == ResourceType.FLEX_CONTAINER_INSTANCE) {
            Optional<Resource> parent = store.get(judged.pi());
            return parent.isPresent() && evaluate(request, target, parent.get());
        }
        List<Resource> policies = referencedPolicies(judged);
        if (!policies.isEmpty()) {
            return anyPermits(policies, "pv", request);
        }
        if (isCreator(request.originator(), judged)) {
            return true;
        }
        return type == ResourceType.CSE_BASE && request.privilege() == Operation.RETRIEVE.privilege()
                && (isRegisteredAe(request.originator()) || isRegisteredCse(request.originator()));
    }

    private boolean anyPermits(List<Resource> policies, String attribute, AccessRequest request) {
        for (Resource policy : policies) {
            if (rulesOf(policy, attribute).permits(request, ids, clock.instant())) {
                return true;
            }
        }
        return false;
    }

    private static SetOfAcrs rulesOf(Resource policy, String attribute) {
        try {
            return SetOfAcrs.parse(attribute, policy.attributes().get(attribute));
        } catch (RuntimeException e) {
            return SetOfAcrs.EMPTY; // a stored policy that no longer parses grants nothing
        }
    }

    /** The existing ACPs listed in the resource's {@code acpi}; unknown ids are skipped. */
    private List<Resource> referencedPolicies(Resource resource) {
        JsonNode acpi = resource.attributes().get("acpi");
        List<Resource> policies = new ArrayList<>();
        if (acpi == null || !acpi.isArray()) {
            return policies;
        }
        for (JsonNode id : acpi) {
            resolve(id.asText())
                    .filter(r -> r.type().original() == ResourceType.ACCESS_CONTROL_POLICY)
                    .ifPresent(policies::add);
        }
        return policies;
    }

    /** Finds a resource by {@code ri}, structured path, or the SP-relative / absolute forms of either. */
    private Optional<Resource> resolve(String id) {
        String local = id;
        String absolutePrefix = "//" + ids.spId() + ids.cseId() + "/";
        if (local.startsWith(absolutePrefix)) {
            local = local.substring(absolutePrefix.length());
        } else if (local.startsWith(ids.cseId() + "/")) {
            local = local.substring(ids.cseId().length() + 1);
        } else if (local.startsWith("/")) {
            return Optional.empty();
        }
        String key = local;
        return store.get(key).or(() -> store.getByPath(key));
    }

    /**
     * The CSE that announced the copy ({@code lnk} = {@code /<its csi>/<original ri>}) keeps it in step whatever the
     * copy's {@code acpi} says (digest §5.2: the original host keeps the announced attributes, also {@code acpi}, in
     * sync and only it may change them).
     */
    private static boolean isAnnouncingCse(String originator, Resource copy) {
        JsonNode lnk = copy.attributes().get("lnk");
        return originator != null && originator.length() > 1 && originator.charAt(0) == '/'
                && originator.indexOf('/', 1) < 0 && lnk != null && lnk.isTextual()
                && lnk.asText().startsWith(originator + "/");
    }

    /** The default-policy owner test: {@code cr}, or the AE / remoteCSE holding the subtree. */
    private boolean isCreator(String originator, Resource resource) {
        JsonNode cr = resource.attributes().get("cr");
        if (cr != null && cr.isTextual() && ids.same(originator, cr.asText())) {
            return true;
        }
        Resource current = resource;
        for (int depth = 0; current != null && depth < 64; depth++) {
            ResourceType type = current.type().original();
            if (type == ResourceType.AE) {
                return ids.same(originator, text(current, "aei", current.ri()));
            }
            if (type == ResourceType.REMOTE_CSE) {
                return ids.same(originator, text(current, "csi", "/" + current.ri()));
            }
            if (type == ResourceType.CSE_BASE || current.pi().isEmpty()) {
                return false;
            }
            current = store.get(current.pi()).orElse(null);
        }
        return false;
    }

    /** A CSE registered here (its {@code <remoteCSE>} exists) may read the CSEBase, as an AE may (digest §4.3 step 4). */
    private boolean isRegisteredCse(String originator) {
        if (originator == null || originator.length() < 2 || originator.charAt(0) != '/'
                || originator.indexOf('/', 1) >= 0) {
            return false;
        }
        return store.get(originator.substring(1)).filter(r -> r.type() == ResourceType.REMOTE_CSE)
                .filter(r -> originator.equals(text(r, "csi", ""))).isPresent();
    }

    private boolean isRegisteredAe(String originator) {
        for (String form : ids.forms(originator)) {
            if (form.indexOf('/') < 0) {
                Optional<Resource> ae = store.get(form).filter(r -> r.type() == ResourceType.AE);
                if (ae.isPresent() && ids.same(originator, text(ae.get(), "aei", ae.get().ri()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(Resource resource, String attribute, String fallback) {
        JsonNode value = resource.attributes().get(attribute);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }

    private static AccessDecision deny(AccessRequest request, Resource target) {
        return AccessDecision.deny("originator " + request.originator() + " has no " + request.operationName()
                + " privilege on " + target.path());
    }
}
