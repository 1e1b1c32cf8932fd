package org.oneedge.federation;

import java.util.List;

/**
 * What a node offers: compute, memory, storage, accelerators (e.g. {@code gpu}) and the APIs it serves (e.g. MEC
 * {@code rni}, {@code location}, {@code ams}, oneM2M {@code onem2m}). Lists are sorted and de-duplicated so records
 * compare equal whatever order they were given in.
 */
public record Capabilities(int cpuCores, long memoryMb, long storageGb, List<String> accelerators,
                           List<String> apis) {

    public static final Capabilities NONE = new Capabilities(0, 0, 0, List.of(), List.of());

    public Capabilities {
        if (cpuCores < 0 || memoryMb < 0 || storageGb < 0) {
            throw new IllegalArgumentException("capabilities must not be negative: cpu " + cpuCores + ", memory "
                    + memoryMb + " MB, storage " + storageGb + " GB");
        }
        accelerators = sortedDistinct(accelerators);
        apis = sortedDistinct(apis);
    }

    static List<String> sortedDistinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().sorted().toList();
    }
}
