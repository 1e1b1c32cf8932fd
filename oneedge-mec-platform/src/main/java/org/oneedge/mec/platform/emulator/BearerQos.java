package org.oneedge.mec.platform.emulator;

/**
 * The QoS of a UE's E-RAB (TS 23.401 4.7.3, carried by MEC 012 {@code erabQosParameters}): its QoS class and, for a
 * guaranteed-bit-rate bearer, the four bit rates in kbit/s (all four or none, as MEC 012 {@code QosInformation}
 * requires).
 *
 * @param qci    QoS class identifier, 1..254 (TS 23.203 6.1.7; 9 = the default best-effort bearer)
 * @param gbrDl  guaranteed downlink bit rate, {@code null} for a non-GBR bearer
 * @param gbrUl  guaranteed uplink bit rate
 * @param mbrDl  maximum downlink bit rate
 * @param mbrUl  maximum uplink bit rate
 */
public record BearerQos(int qci, Integer gbrDl, Integer gbrUl, Integer mbrDl, Integer mbrUl) {

    /** What every UE starts with: a best-effort bearer of QCI 9. */
    public static final BearerQos DEFAULT = new BearerQos(9, null, null, null, null);

    public BearerQos {
        if (qci < 1 || qci > 254) {
            throw new IllegalArgumentException("qci must be 1..254, was " + qci);
        }
        int given = (gbrDl == null ? 0 : 1) + (gbrUl == null ? 0 : 1) + (mbrDl == null ? 0 : 1)
                + (mbrUl == null ? 0 : 1);
        if (given != 0 && given != 4) {
            throw new IllegalArgumentException("gbrDl, gbrUl, mbrDl and mbrUl go together (all or none)");
        }
        if (given == 4 && (gbrDl < 0 || gbrUl < 0 || mbrDl < gbrDl || mbrUl < gbrUl)) {
            throw new IllegalArgumentException("bit rates must be >= 0 and each mbr >= its gbr");
        }
    }

    /** Whether the bearer has guaranteed bit rates. */
    public boolean guaranteed() {
        return gbrDl != null;
    }
}
