package org.oneedge.mec.platform.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.MecProblemException;
import org.oneedge.mec.api.lcm.AppPkgOperationalState;
import org.oneedge.mec.api.lcm.Checksum;
import org.oneedge.mec.api.lcm.OnboardingState;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The onboarded MEC application packages (MEC 010-2 package management), shared by the package management API and
 * lifecycle management (which instantiates from them and marks them IN_USE).
 */
public final class AppPackageStore {

    /**
     * One package, addressed by {@code appDId} in the API.
     *
     * @param id      the package id ({@code appPkgId})
     * @param appD    the app descriptor JSON ({@code appDId}, {@code appName}, {@code appProvider},
     *                {@code appSoftVersion}, {@code appDVersion}, ...)
     */
    public record AppPackage(String id, String appDId, String appName, String appProvider, String appSoftwareVersion,
                             String appDVersion, Checksum checksum, JsonNode appD, JsonNode userDefinedData,
                             OnboardingState onboardingState, AppPkgOperationalState operationalState, long order) {

        public AppPackage withOperationalState(AppPkgOperationalState state) {
            return new AppPackage(id, appDId, appName, appProvider, appSoftwareVersion, appDVersion, checksum, appD,
                    userDefinedData, onboardingState, state, order);
        }
    }

    private final Map<String, AppPackage> byAppDId = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();

    public long nextOrder() {
        return order.incrementAndGet();
    }

    /** Adds a package; 409 if its appDId is taken. */
    public void add(AppPackage pkg) {
        if (byAppDId.putIfAbsent(pkg.appDId(), pkg) != null) {
            throw MecProblemException.conflict("an application package with appDId '" + pkg.appDId()
                    + "' is already onboarded");
        }
    }

    public void replace(AppPackage pkg) {
        byAppDId.put(pkg.appDId(), pkg);
    }

    public Optional<AppPackage> get(String appDId) {
        return Optional.ofNullable(byAppDId.get(appDId));
    }

    public AppPackage require(String appDId) {
        return get(appDId).orElseThrow(() -> MecProblemException.notFound("no onboarded application package with "
                + "appDId '" + appDId + "'"));
    }

    public Optional<AppPackage> remove(String appDId) {
        return Optional.ofNullable(byAppDId.remove(appDId));
    }

    public List<AppPackage> all() {
        return byAppDId.values().stream().sorted(Comparator.comparingLong(AppPackage::order)).toList();
    }
}
