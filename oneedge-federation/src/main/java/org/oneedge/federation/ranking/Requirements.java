package org.oneedge.federation.ranking;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.oneedge.federation.HostingState;
import org.oneedge.federation.Location;
import org.oneedge.federation.NodeKind;

/**
 * What a caller needs from the nodes it asks to be ranked: hard requirements (every kept candidate satisfies all of
 * them) and how many candidates to return. Empty sets and null limits mean "no constraint".
 *
 * @param count               N: how many candidates to return (at least 1)
 * @param kinds               allowed node kinds
 * @param requiredApis        APIs a node must serve (e.g. {@code rni})
 * @param requiredAccelerators accelerators a node must have (e.g. {@code gpu})
 * @param minCpuCores         minimum CPU cores
 * @param minMemoryMb         minimum memory
 * @param minStorageGb        minimum storage
 * @param allowedTrustDomains trust domains a node may belong to
 * @param homeTrustDomain     the requester's own trust domain (scores full trust), or null
 * @param excludedOwners      administrative owners whose nodes must not be used (policy)
 * @param hostingStates       acceptable hosting states
 * @param maxCostPerHour      the highest acceptable cost (policy)
 * @param maxLoadPercent      the highest acceptable load (capacity)
 * @param near                the point distances are measured from, or null
 * @param maxDistanceKm       the largest acceptable distance from {@code near}
 * @param observedRsrpDbm     radio quality the requesting device sees per node id (MEC 012 RSRP, dBm); it replaces
 *                            the node's own reported figure in the score (a handover ranks by what the UE measures)
 */
public record Requirements(int count, Set<NodeKind> kinds, Set<String> requiredApis, Set<String> requiredAccelerators,
                           int minCpuCores, long minMemoryMb, long minStorageGb, Set<String> allowedTrustDomains,
                           String homeTrustDomain, Set<String> excludedOwners, Set<HostingState> hostingStates,
                           Double maxCostPerHour, Double maxLoadPercent, Location near, Double maxDistanceKm,
                           java.util.Map<String, Double> observedRsrpDbm) {

    public Requirements {
        if (count < 1) {
            throw new IllegalArgumentException("at least one candidate must be asked for, count was " + count);
        }
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        requiredApis = sorted(requiredApis);
        requiredAccelerators = sorted(requiredAccelerators);
        allowedTrustDomains = sorted(allowedTrustDomains);
        excludedOwners = sorted(excludedOwners);
        hostingStates = hostingStates == null ? Set.of() : Set.copyOf(hostingStates);
        observedRsrpDbm = observedRsrpDbm == null ? java.util.Map.of() : java.util.Map.copyOf(observedRsrpDbm);
        if (maxDistanceKm != null && (near == null || !near.hasPoint())) {
            throw new IllegalArgumentException("a maximum distance needs a point (near) to measure from");
        }
    }

    private static Set<String> sorted(Set<String> values) {
        return values == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(values));
    }

    /** Requirements asking for the {@code count} best nodes with no constraint. */
    public static Builder top(int count) {
        return new Builder(count);
    }

    public Builder toBuilder() {
        Builder b = new Builder(count);
        b.kinds = kinds; b.apis = requiredApis; b.accelerators = requiredAccelerators; b.minCpu = minCpuCores;
        b.minMemory = minMemoryMb; b.minStorage = minStorageGb; b.trust = allowedTrustDomains;
        b.home = homeTrustDomain; b.owners = excludedOwners; b.hosting = hostingStates; b.maxCost = maxCostPerHour;
        b.maxLoad = maxLoadPercent; b.near = near; b.maxDistance = maxDistanceKm;
        b.observed = observedRsrpDbm;
        return b;
    }

    /** Builds {@link Requirements}. */
    public static final class Builder {
        private int count;
        private Set<NodeKind> kinds = Set.of();
        private Set<String> apis = Set.of();
        private Set<String> accelerators = Set.of();
        private int minCpu;
        private long minMemory;
        private long minStorage;
        private Set<String> trust = Set.of();
        private String home;
        private Set<String> owners = Set.of();
        private Set<HostingState> hosting = Set.of();
        private Double maxCost;
        private Double maxLoad;
        private Location near;
        private Double maxDistance;
        private java.util.Map<String, Double> observed = java.util.Map.of();

        private Builder(int count) {
            this.count = count;
        }

        public Builder count(int v) { count = v; return this; }
        public Builder kinds(NodeKind... v) { kinds = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder requiredApis(String... v) { apis = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder requiredApis(List<String> v) { apis = Set.copyOf(v); return this; }
        public Builder requiredAccelerators(String... v) { accelerators = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder requiredAccelerators(List<String> v) { accelerators = Set.copyOf(v); return this; }
        public Builder minCpuCores(int v) { minCpu = v; return this; }
        public Builder minMemoryMb(long v) { minMemory = v; return this; }
        public Builder minStorageGb(long v) { minStorage = v; return this; }
        public Builder allowedTrustDomains(String... v) { trust = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder homeTrustDomain(String v) { home = v; return this; }
        public Builder excludedOwners(String... v) { owners = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder hostingStates(HostingState... v) { hosting = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder maxCostPerHour(Double v) { maxCost = v; return this; }
        public Builder maxLoadPercent(Double v) { maxLoad = v; return this; }
        public Builder within(Location point, double km) { near = point; maxDistance = km; return this; }
        public Builder near(Location point) { near = point; return this; }
        public Builder observedRsrp(java.util.Map<String, Double> v) { observed = v; return this; }

        public Requirements build() {
            return new Requirements(count, kinds, apis, accelerators, minCpu, minMemory, minStorage, trust, home,
                    owners, hosting, maxCost, maxLoad, near, maxDistance, observed);
        }
    }
}
