package org.oneedge.mec.platform.emulator;

/**
 * An access point as the emulator placed it: scenario data resolved to metres, latitude/longitude, its zone's MEC
 * host and a normalised cell identity. Immutable; the MEC services read it for queries.
 *
 * @param index          position in the emulator's cell arrays
 * @param id             MEC 013 {@code accessPointId}
 * @param type           radio access technology
 * @param x              metres east of the origin
 * @param y              metres north of the origin
 * @param latitude       WGS84 latitude
 * @param longitude      WGS84 longitude
 * @param txPowerDbm     reference-signal power per resource element
 * @param coverageRadius metres beyond which the cell cannot be measured
 * @param cellId         E-UTRAN/NR cell identity (or Wi-Fi MAC) as configured or derived
 * @param zoneId         zone the access point belongs to
 * @param hostName       MEC host serving that zone
 */
public record EmulatedAccessPoint(int index, String id, AccessPointType type, double x, double y, double latitude,
                                  double longitude, double txPowerDbm, double coverageRadius, String cellId,
                                  String zoneId, String hostName) {
}
