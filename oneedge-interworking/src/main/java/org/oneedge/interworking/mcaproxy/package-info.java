/**
 * The Mca proxy (ARCHITECTURE.md, interworking): a MEC application that relays the Mca requests of devices without a
 * direct path to their registrar CSE, over TS-0009 HTTP and TS-0010 MQTT, keeping the originator and every oneM2M
 * parameter unchanged so that the CSE's access control still decides. Entry point: {@link
 * org.oneedge.interworking.mcaproxy.McaProxy} with {@link org.oneedge.interworking.mcaproxy.McaProxyConfig}.
 */
package org.oneedge.interworking.mcaproxy;
