package org.oneedge.cse.access;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The equivalent spellings of one originator id (TS-0001 7.2, digest §2.6): an AE-ID-Stem {@code CAE1} registered
 * here is also {@code /id-in/CAE1} and {@code //sp/id-in/CAE1}; a CSE-ID {@code /id-mn} is also {@code //sp/id-mn}.
 * Access rules and creator checks compare ids through these forms so the format the originator chose does not matter.
 *
 * @param cseId the local SP-relative CSE-ID, e.g. {@code /id-in}
 * @param spId  the local SP-ID without slashes, e.g. {@code oneedge.example}
 */
public record OriginatorId(String cseId, String spId) {

    public OriginatorId {
        if (cseId == null || !cseId.startsWith("/")) {
            throw new IllegalArgumentException("cseId must be SP-relative, e.g. /id-in: " + cseId);
        }
        if (spId == null || spId.isEmpty()) {
            throw new IllegalArgumentException("spId is mandatory");
        }
    }

    /** All forms of {@code id}, the given one first; empty for a null or blank id. */
    public Set<String> forms(String id) {
        Set<String> forms = new LinkedHashSet<>();
        if (id == null || id.isBlank()) {
            return forms;
        }
        forms.add(id);
        String spRelative = spRelative(id);
        if (spRelative == null) {
            return forms;
        }
        forms.add(spRelative);
        forms.add("//" + spId + spRelative);
        String localPrefix = cseId + "/";
        if (spRelative.startsWith(localPrefix) && spRelative.indexOf('/', localPrefix.length()) < 0) {
            forms.add(spRelative.substring(localPrefix.length()));
        }
        if (spRelative.startsWith("/S") && spRelative.indexOf('/', 1) < 0) {
            forms.add(spRelative.substring(1));
        }
        return forms;
    }

    /** True when both ids name the same entity. */
    public boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Set<String> formsOfB = forms(b);
        return forms(a).stream().anyMatch(formsOfB::contains);
    }

    /** The SP-relative form of {@code id}, or null when it belongs to another SP. */
    private String spRelative(String id) {
        if (id.startsWith("//")) {
            String ownSp = "//" + spId + "/";
            return id.startsWith(ownSp) ? id.substring(ownSp.length() - 1) : null;
        }
        if (id.startsWith("/")) {
            return id;
        }
        if (id.startsWith("S")) {
            return "/" + id;
        }
        return cseId + "/" + id;
    }
}
