package org.oneedge.mec.api.rni;

/** NR Cell Global Identifier (MEC 012 6.5.7): PLMN plus the 36-bit NR cell identity as a string. */
public record Nrcgi(Plmn plmn, String nrCellId) {
}
