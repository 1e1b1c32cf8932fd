package org.oneedge.federation.roles;

import java.util.Set;
import org.oneedge.federation.FederationRole;
import org.oneedge.federation.NodeKind;
import org.oneedge.federation.ranking.Requirements;

/**
 * Data that says which nodes may hold a role and how many should: required node kinds, APIs, accelerators and
 * minimum resources, and the number of holders wanted. Among eligible UP nodes the best ranked win
 * ({@link RoleAssigner}).
 *
 * @param role                 the role handed out
 * @param kinds                node kinds allowed (empty: any)
 * @param requiredApis         APIs a holder must serve
 * @param requiredAccelerators accelerators a holder must have
 * @param minCpuCores          minimum CPU cores
 * @param minMemoryMb          minimum memory
 * @param minStorageGb         minimum storage
 * @param count                how many nodes should hold the role (at least 1)
 */
public record RoleRule(FederationRole role, Set<NodeKind> kinds, Set<String> requiredApis,
                       Set<String> requiredAccelerators, int minCpuCores, long minMemoryMb, long minStorageGb,
                       int count) {

    public RoleRule {
        if (role == null || count < 1) {
            throw new IllegalArgumentException("a role rule needs a role and a count of at least 1, was " + role
                    + " x" + count);
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        requiredApis = requiredApis == null ? Set.of() : Set.copyOf(requiredApis);
        requiredAccelerators = requiredAccelerators == null ? Set.of() : Set.copyOf(requiredAccelerators);
    }

    /** A rule for {@code count} holders of {@code role} with no other requirement; refine with the with… methods. */
    public static RoleRule of(FederationRole role, int count) {
        return new RoleRule(role, Set.of(), Set.of(), Set.of(), 0, 0, 0, count);
    }

    public RoleRule withKinds(NodeKind... v) {
        return new RoleRule(role, Set.of(v), requiredApis, requiredAccelerators, minCpuCores, minMemoryMb,
                minStorageGb, count);
    }

    public RoleRule withApis(String... v) {
        return new RoleRule(role, kinds, Set.of(v), requiredAccelerators, minCpuCores, minMemoryMb, minStorageGb,
                count);
    }

    public RoleRule withAccelerators(String... v) {
        return new RoleRule(role, kinds, requiredApis, Set.of(v), minCpuCores, minMemoryMb, minStorageGb, count);
    }

    public RoleRule withMinimum(int cpuCores, long memoryMb, long storageGb) {
        return new RoleRule(role, kinds, requiredApis, requiredAccelerators, cpuCores, memoryMb, storageGb, count);
    }

    /** The ranking requirements that express this rule (all eligible nodes, best first). */
    Requirements requirements(int allNodes) {
        return Requirements.top(Math.max(1, allNodes)).kinds(kinds.toArray(NodeKind[]::new))
                .requiredApis(java.util.List.copyOf(requiredApis))
                .requiredAccelerators(java.util.List.copyOf(requiredAccelerators)).minCpuCores(minCpuCores)
                .minMemoryMb(minMemoryMb).minStorageGb(minStorageGb).build();
    }
}
