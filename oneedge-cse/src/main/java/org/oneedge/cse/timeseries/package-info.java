/**
 * timeSeries, timeSeriesInstance and missing-data detection (TS-0004 7.4.33–7.4.35), installed by default through
 * {@link org.oneedge.cse.timeseries.TimeSeriesExtension}.
 *
 * <pre>
 *  CREATE tsi ─► dgt unique in the series (else 4000) ─► mbs 5207 ─► oldest out (mni/mbs) ─► cni/cbs/st
 *  Created(tsi) ─► MissingDataDetector ─ no dgt ≥ expected − peid by expected + peid + mdt ─► MissingDataLog
 *        ─► UPDATE (admin, empty) ─► TimeSeriesHandler: mdlt (≤ mdn) / mdc ─► Updated ─► net 8 m2m:tsn
 * </pre>
 *
 * Documented choices: {@code pei}, {@code peid}, {@code mdt} and {@code md/dur} are milliseconds; detection starts
 * with the first instance; {@code mdt} (missingDataDetectTimer: the digest only names it, §1.5) is the extra time the
 * CSE waits after {@code expected + peid} for a point still on its way before it declares it missing (default 0); {@code mdlt} keeps 100 points when {@code mdn} is absent.
 */
package org.oneedge.cse.timeseries;
