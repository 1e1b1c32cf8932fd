package org.oneedge.mec.platform.emulator;

/**
 * One cell as a UE measures it, in physical units, with the 3GPP reporting ranges that MEC 012 notifications carry
 * (TS 36.133 9.1.4 RSRP 0..97, 9.1.7 RSRQ 0..34, SINR 0..127 in 0.5 dB steps).
 *
 * @param cellId id of the access point
 * @param rsrpDbm reference signal received power, dBm
 * @param rsrqDb  reference signal received quality, dB
 * @param sinrDb  signal to interference plus noise ratio, dB
 */
public record CellMeasurement(String cellId, double rsrpDbm, double rsrqDb, double sinrDb) {

    /** RSRP reporting range: RSRP_00 below -140 dBm, then 1 dB steps up to RSRP_97 at -44 dBm and above. */
    public int rsrpIndex() {
        return clamp((int) Math.floor(rsrpDbm + 141), 0, 97);
    }

    /** RSRQ reporting range: RSRQ_00 below -19.5 dB, then 0.5 dB steps up to RSRQ_34 at -3 dB and above. */
    public int rsrqIndex() {
        return clamp((int) Math.floor((rsrqDb + 20) * 2), 0, 34);
    }

    /** SINR reporting range: SINR_0 below -23 dB, then 0.5 dB steps up to SINR_127 at 40 dB and above. */
    public int sinrIndex() {
        return clamp((int) Math.floor((sinrDb + 23.5) * 2), 0, 127);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
