package org.oneedge.mec.api.rni;

/** Public Land Mobile Network identity (MEC 012 6.5.5): mobile country and network code as digit strings. */
public record Plmn(String mcc, String mnc) {
}
