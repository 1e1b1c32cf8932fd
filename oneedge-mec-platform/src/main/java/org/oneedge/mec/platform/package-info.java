/**
 * An emulated ETSI MEC platform: one HTTP server ({@link org.oneedge.mec.platform.http.MecHttpServer}) serving
 * {@link org.oneedge.mec.platform.MecApi}s system-wide and per MEC host, with shared subscription expiry and
 * notification delivery.
 *
 * <pre>
 *  MecPlatform.builder().config(MecPlatformConfig...).api(factory)...build().start()
 *    |
 *    +-- MecPlatformContext: clock, JSON mapper, NotificationSender, scheduler, SubscriptionRegistry factory,
 *    |                       AppInstanceRegistry (MEC 011 apps), ServiceRegistry (MEC 011), HostMetricsSources
 *    +-- own APIs: /mec_app_support/v2  /mec_service_mgmt/v1  /iots/v1  /app_pkgm/v1  /app_lcm/v1  /metrics/v1
 *    +-- added APIs (emulator module): /rni/v2  /location/v3  /amsi/v1
 *    |
 *    HTTP:  /{api}/...            handler(exchange.hostName() == null)
 *           /{mecHost}/{api}/...  handler(exchange.hostName() == mecHost)
 *    WS:    /notifications/ws/{token}  websocket delivery of one subscription's notifications (MEC 009 6.12a,
 *                                       websockNotifConfig.requestWebsocketUri in RNIS, Location and AMS)
 *    start: every API's service() is registered in the service registry (system-wide + per host)
 * </pre>
 *
 * This package and its sub-packages know nothing of oneM2M; oneM2M code plugs in through
 * {@link org.oneedge.mec.platform.lcm.AppInstantiator} or talks to the REST APIs as a client.
 */
package org.oneedge.mec.platform;
