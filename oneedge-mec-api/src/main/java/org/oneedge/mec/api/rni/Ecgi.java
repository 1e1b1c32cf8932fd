package org.oneedge.mec.api.rni;

/** E-UTRAN Cell Global Identifier (MEC 012 6.5.6): PLMN plus the 28-bit E-UTRAN cell identity as a string. */
public record Ecgi(Plmn plmn, String cellId) {
}
