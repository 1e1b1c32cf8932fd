package org.oneedge.interworking.mecapp;

import org.oneedge.mec.api.servicemgmt.ServiceInfo;

import java.util.Locale;
import java.util.Set;

/**
 * The MEC services a CSE running as MEC application looks for in the MEC 011 service registry (MEC 011 clause
 * 5.2.4 service discovery): each kind is recognised by its category id/name or its service name, as OneEdge's
 * platform ({@code rnis}, category {@code RNI}) and AdvantEDGE ({@code meep-rnis}, category {@code rniId}) register
 * them (MEC-DIGEST 2.3).
 */
public enum MecServiceKind {

    /** MEC 012 Radio Network Information. */
    RNIS(Set.of("rnis", "meep-rnis"), Set.of("rni", "rniid")),
    /** MEC 013 Location. */
    LOCATION(Set.of("location", "meep-loc-serv"), Set.of("location", "locationid")),
    /** MEC 021 Application Mobility Service. */
    AMS(Set.of("ams", "meep-ams"), Set.of("ams", "amsid")),
    /** OneEdge platform metrics service ({@code /metrics/v1}). */
    METRICS(Set.of("metrics"), Set.of("metrics"));

    private final Set<String> serNames;
    private final Set<String> categories;

    MecServiceKind(Set<String> serNames, Set<String> categories) {
        this.serNames = serNames;
        this.categories = categories;
    }

    /** Whether a registered service is one of this kind. */
    public boolean matches(ServiceInfo service) {
        if (serNames.contains(service.serName().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return service.serCategory() != null
                && (categories.contains(service.serCategory().id().toLowerCase(Locale.ROOT))
                || categories.contains(service.serCategory().name().toLowerCase(Locale.ROOT)));
    }
}
