package org.oneedge.cse.access;

import java.time.Instant;
import java.util.List;

/**
 * One {@code acco} entry of an access control rule (TS-0003 7.1.4, digest §5.1). The time windows ({@code actw}) are
 * evaluated; IP ({@code acip}) and location ({@code aclr}) constraints are kept but treated as matching, because the
 * engine does not learn the originator's address or position (the same choice as ACME, digest §5.3).
 *
 * @param timeWindows {@code actw}; empty means any time
 */
public record AccessControlContext(List<ScheduleEntry> timeWindows) {

    public AccessControlContext {
        timeWindows = List.copyOf(timeWindows);
    }

    public boolean matches(Instant now) {
        return timeWindows.isEmpty() || timeWindows.stream().anyMatch(w -> w.matches(now));
    }
}
