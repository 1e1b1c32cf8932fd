package org.oneedge.cse;

import java.time.Duration;
import java.util.List;

/**
 * Configuration of one {@link Cse}; {@link #defaults()} gives the values a user expects (ARCHITECTURE.md "Defaults").
 *
 * @param cseId                    SP-relative CSE-ID, default {@code /id-in}
 * @param cseBaseName              CSEBase resource name, default {@code cse-in}
 * @param spId                     SP-ID for absolute addresses {@code //spId/id-in/...}, default {@code oneedge.example}
 * @param cseType                  IN, MN or ASN ({@code cst}), default IN
 * @param adminOriginator          originator that bypasses access control, default {@code CAdmin}
 * @param pointOfAccess            the CSE's {@code poa}, filled by the app once bound, default empty
 * @param supportedReleaseVersions accepted {@code rvi} values, default {@code 2a 3 4 5}
 * @param expirySweepInterval      how often expired resources are deleted, default 1 s
 * @param notificationTimeout      timeout of one notification attempt, default 5 s
 * @param notificationRetries      attempts before a target is dropped from {@code nu}, default 3
 * @param maxExpirationDelta       {@code et} when none is given and the furthest allowed, default 5 years
 */
public record CseConfig(
        String cseId,
        String cseBaseName,
        String spId,
        CseType cseType,
        String adminOriginator,
        List<String> pointOfAccess,
        List<String> supportedReleaseVersions,
        Duration expirySweepInterval,
        Duration notificationTimeout,
        int notificationRetries,
        Duration maxExpirationDelta) {

    public CseConfig {
        if (cseId == null || !cseId.startsWith("/") || cseId.length() < 2 || cseId.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("cseId must be SP-relative like /id-in, was " + cseId);
        }
        if (cseBaseName == null || !cseBaseName.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("cseBaseName must be a valid resource name, was " + cseBaseName);
        }
        if (spId == null || spId.isBlank() || spId.contains("/")) {
            throw new IllegalArgumentException("spId must be an FQDN without slashes, was " + spId);
        }
        if (cseType == null || adminOriginator == null || adminOriginator.isBlank()) {
            throw new IllegalArgumentException("cseType and adminOriginator are mandatory");
        }
        pointOfAccess = pointOfAccess == null ? List.of() : List.copyOf(pointOfAccess);
        supportedReleaseVersions = List.copyOf(supportedReleaseVersions);
        if (supportedReleaseVersions.isEmpty()) {
            throw new IllegalArgumentException("at least one release version must be supported");
        }
        requirePositive("expirySweepInterval", expirySweepInterval);
        requirePositive("notificationTimeout", notificationTimeout);
        requirePositive("maxExpirationDelta", maxExpirationDelta);
        if (notificationRetries < 1) {
            throw new IllegalArgumentException("notificationRetries must be at least 1");
        }
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    public static CseConfig defaults() {
        return new CseConfig("/id-in", "cse-in", "oneedge.example", CseType.IN, "CAdmin", List.of(),
                List.of("2a", "3", "4", "5"), Duration.ofSeconds(1), Duration.ofSeconds(5), 3,
                Duration.ofDays(5 * 365));
    }

    /** The CSE-ID without its leading slash, used as the CSEBase {@code ri}. */
    public String cseIdWithoutSlash() {
        return cseId.substring(1);
    }

    public CseConfig withCseId(String v) {
        return new CseConfig(v, cseBaseName, spId, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withCseBaseName(String v) {
        return new CseConfig(cseId, v, spId, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withSpId(String v) {
        return new CseConfig(cseId, cseBaseName, v, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withCseType(CseType v) {
        return new CseConfig(cseId, cseBaseName, spId, v, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withAdminOriginator(String v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, v, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withPointOfAccess(List<String> v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, adminOriginator, v, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withSupportedReleaseVersions(List<String> v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, adminOriginator, pointOfAccess, v,
                expirySweepInterval, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withExpirySweepInterval(Duration v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                v, notificationTimeout, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withNotificationTimeout(Duration v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, v, notificationRetries, maxExpirationDelta);
    }

    public CseConfig withNotificationRetries(int v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, v, maxExpirationDelta);
    }

    public CseConfig withMaxExpirationDelta(Duration v) {
        return new CseConfig(cseId, cseBaseName, spId, cseType, adminOriginator, pointOfAccess, supportedReleaseVersions,
                expirySweepInterval, notificationTimeout, notificationRetries, v);
    }
}
