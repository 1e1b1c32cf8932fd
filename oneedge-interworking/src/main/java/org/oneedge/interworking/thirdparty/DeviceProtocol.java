package org.oneedge.interworking.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SPI a non-oneM2M device technology implements so that a {@link ThirdPartyIpe} can interwork it (TS-0001
 * Annex F, full semantic mapping): it reports devices and their readings to a {@link DeviceListener}, says how a
 * device maps into oneM2M resources ({@link #model}) and carries commands back to a device. Implementations own
 * their protocol connection; they must not block the listener's caller for long and must skip (and log, with the
 * device id) input they cannot parse, so that nothing stored changes.
 *
 * <pre>
 *   device ──native protocol──▶ DeviceProtocol ──deviceAppeared / telemetry──▶ ThirdPartyIpe ──Mca──▶ CSE
 *   device ◀──native protocol── DeviceProtocol ◀──sendCommand── ThirdPartyIpe ◀──notification── CSE
 * </pre>
 */
public interface DeviceProtocol extends AutoCloseable {

    /** The technology name put in the {@code Iwked-Technology:<name>} label of every interworked resource. */
    String technology();

    /** How the device {@code deviceId} is represented: its containers and flexContainers. */
    DeviceModel model(String deviceId);

    /** Connects and starts reporting devices and readings to {@code listener}. Called once. */
    void start(DeviceListener listener);

    /**
     * Delivers a command to a device in the device's own protocol; failures are logged by the implementation (a
     * device that is offline does not stop the IPE).
     */
    void sendCommand(String deviceId, JsonNode command);

    /** Disconnects; no listener calls after it returns. */
    @Override
    void close();
}
