package org.oneedge.mec.api.location;

/**
 * How often and how many times a periodic location report is sent (MEC 013 {@code PeriodicEventInfo}, TS 29.572
 * 6.1.6.2.24): {@code reportingAmount} reports, one every {@code reportingInterval} seconds.
 */
public record PeriodicEventInfo(Integer reportingAmount, Double reportingInterval) {

    /** The file's note: amount × interval shall not exceed 8639999 s (OMA MLP/RLP compatibility). */
    public static final double MAX_TOTAL_SECONDS = 8_639_999;

    public PeriodicEventInfo {
        if (reportingAmount == null || reportingAmount < 1) {
            throw new IllegalArgumentException("periodicEventInfo.reportingAmount must be a positive integer");
        }
        if (reportingInterval == null || !(reportingInterval > 0)) {
            throw new IllegalArgumentException("periodicEventInfo.reportingInterval must be a positive number");
        }
        if (reportingAmount * reportingInterval > MAX_TOTAL_SECONDS) {
            throw new IllegalArgumentException("periodicEventInfo: reportingAmount x reportingInterval must not "
                    + "exceed 8639999 seconds");
        }
    }
}
