package org.oneedge.model;

import java.util.List;

/**
 * A parsed oneM2M target address ({@code to}, TS-0001 7.2, TS-0004 6.2.3, digest §2.6). Three scopes:
 * CSE-relative ({@code cse-in/AE1/cnt1}, {@code -/AE1}, {@code cnt123}, {@code cnt123/la}), SP-relative
 * ({@code /id-in/cse-in/AE1}, {@code /id-in/cnt123}) and absolute ({@code //sp.example/id-in/cse-in/AE1}).
 * {@link #path()} is always the CSE-relative remainder, which is structured (starts with the CSEBase name or
 * {@code -}), unstructured (a bare {@code ri}) or hybrid ({@code ri/child/...}).
 *
 * @param scope     which of the three forms was used
 * @param spId      the SP-ID of an absolute address (without slashes), else null
 * @param cseId     the SP-relative CSE-ID ({@code /id-in}) of SP-relative and absolute addresses, else null
 * @param path      the CSE-relative part without leading or trailing slash; empty when the address names the CSE
 * @param attribute the attribute after {@code #} (TS-0004 6.2.3), else null
 */
public record Address(Scope scope, String spId, String cseId, String path, String attribute) {

    /** How much of the address is given. */
    public enum Scope { CSE_RELATIVE, SP_RELATIVE, ABSOLUTE }

    /** How the CSE-relative part names the resource. */
    public enum Form { STRUCTURED, UNSTRUCTURED, HYBRID }

    /** Stands for the CSEBase name at the start of a structured path. */
    public static final String CSE_BASE_ALIAS = "-";

    public Address {
        if (scope == null || path == null) {
            throw new IllegalArgumentException("scope and path are mandatory");
        }
        if ((scope == Scope.ABSOLUTE) != (spId != null)) {
            throw new IllegalArgumentException("only absolute addresses carry an SP-ID");
        }
        if ((scope == Scope.CSE_RELATIVE) != (cseId == null)) {
            throw new IllegalArgumentException("SP-relative and absolute addresses carry a CSE-ID, others do not");
        }
    }

    /**
     * Parses a {@code to} value.
     *
     * @throws IllegalArgumentException with a message saying what is malformed
     */
    public static Address parse(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("the target address is empty");
        }
        String text = to;
        String attribute = null;
        int hash = text.indexOf('#');
        if (hash >= 0) {
            attribute = text.substring(hash + 1);
            text = text.substring(0, hash);
            if (attribute.isEmpty()) {
                throw new IllegalArgumentException("target '" + to + "' has an empty attribute name after '#'");
            }
        }
        if (text.startsWith("//")) {
            String rest = text.substring(2);
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("absolute target '" + to + "' lacks a CSE-ID after the SP-ID");
            }
            String spId = rest.substring(0, slash);
            String[] cseAndPath = splitCse(rest.substring(slash), to);
            return new Address(Scope.ABSOLUTE, spId, cseAndPath[0], cseAndPath[1], attribute);
        }
        if (text.startsWith("/")) {
            String[] cseAndPath = splitCse(text, to);
            return new Address(Scope.SP_RELATIVE, null, cseAndPath[0], cseAndPath[1], attribute);
        }
        return new Address(Scope.CSE_RELATIVE, null, null, checkedPath(text, to), attribute);
    }

    /** Splits {@code /csi/rest} into {@code /csi} and {@code rest}. */
    private static String[] splitCse(String text, String to) {
        int slash = text.indexOf('/', 1);
        String cseId = slash < 0 ? text : text.substring(0, slash);
        if (cseId.length() < 2) {
            throw new IllegalArgumentException("target '" + to + "' has an empty CSE-ID");
        }
        String path = slash < 0 ? "" : checkedPath(text.substring(slash + 1), to);
        return new String[] {cseId, path};
    }

    private static String checkedPath(String path, String to) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty()) {
            return p;
        }
        if (p.startsWith("/") || p.contains("//")) {
            throw new IllegalArgumentException("target '" + to + "' has an empty path segment");
        }
        return p;
    }

    /**
     * True when the address names a resource of the CSE with this CSE-ID and SP-ID: every CSE-relative address, an
     * SP-relative one with this CSE-ID, an absolute one with this SP-ID (case-insensitive) and CSE-ID.
     */
    public boolean targetsCse(String ownCseId, String ownSpId) {
        return switch (scope) {
            case CSE_RELATIVE -> true;
            case SP_RELATIVE -> cseId.equals(ownCseId);
            case ABSOLUTE -> spId.equalsIgnoreCase(ownSpId) && cseId.equals(ownCseId);
        };
    }

    /** The path segments; empty when the address names the CSE itself. */
    public List<String> segments() {
        return path.isEmpty() ? List.of() : List.of(path.split("/"));
    }

    /** Whether the path is structured (starts with the CSEBase name or {@code -}), a bare {@code ri}, or hybrid. */
    public Form form(String cseBaseName) {
        if (path.isEmpty()) {
            return Form.STRUCTURED;
        }
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (first.equals(cseBaseName) || first.equals(CSE_BASE_ALIAS)) {
            return Form.STRUCTURED;
        }
        return slash < 0 ? Form.UNSTRUCTURED : Form.HYBRID;
    }

    /** A structured path with {@code -} replaced by the CSEBase name; the CSEBase name for an empty path. */
    public String structuredPath(String cseBaseName) {
        if (path.isEmpty() || path.equals(CSE_BASE_ALIAS)) {
            return cseBaseName;
        }
        if (path.startsWith(CSE_BASE_ALIAS + "/")) {
            return cseBaseName + path.substring(1);
        }
        return path;
    }

    @Override
    public String toString() {
        String base = switch (scope) {
            case CSE_RELATIVE -> path;
            case SP_RELATIVE -> path.isEmpty() ? cseId : cseId + "/" + path;
            case ABSOLUTE -> "//" + spId + (path.isEmpty() ? cseId : cseId + "/" + path);
        };
        return attribute == null ? base : base + "#" + attribute;
    }
}
