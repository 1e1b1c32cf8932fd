package org.oneedge.interworking.ipe;

/**
 * Stable oneM2M resource names for MEC entities: the entity's own id with every character the {@code rn} syntax
 * does not allow (letters, digits, {@code - . _}, starting with a letter or digit) replaced by {@code _}, e.g.
 * {@code acr:10.0.0.1 → acr_10.0.0.1}, {@code 02:00:00:00:03:0b → 02_00_00_00_03_0b}. The same id always gives the
 * same name, so a restarted IPE finds its resources again (TS-0001 Annex F.4.1: the IPE keeps the mirror in step).
 */
public final class ResourceNames {

    /** The resource name for a MEC id. */
    public static String of(String mecId) {
        if (mecId == null || mecId.isEmpty()) {
            throw new IllegalArgumentException("a MEC id is needed to derive a resource name");
        }
        StringBuilder out = new StringBuilder(mecId.length() + 1);
        for (int i = 0; i < mecId.length(); i++) {
            char c = mecId.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_');
            out.append(ok ? c : '_');
        }
        char first = out.charAt(0);
        if (!(first < 128 && Character.isLetterOrDigit(first))) {
            out.insert(0, 'x');
        }
        String name = out.toString();
        return name.equals("la") || name.equals("ol") ? "x" + name : name;
    }

    private ResourceNames() {
    }
}
