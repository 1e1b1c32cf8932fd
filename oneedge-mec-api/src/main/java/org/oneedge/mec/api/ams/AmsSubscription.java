package org.oneedge.mec.api.ams;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.oneedge.mec.api.common.TimeStamp;

/** An AMS subscription (MEC 021 7.3), told apart by {@code subscriptionType}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "subscriptionType",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = MobilityProcedureSubscription.class, name = MobilityProcedureSubscription.TYPE),
        @JsonSubTypes.Type(value = AdjacentAppInfoSubscription.class, name = AdjacentAppInfoSubscription.TYPE)})
public sealed interface AmsSubscription permits MobilityProcedureSubscription, AdjacentAppInfoSubscription {

    String subscriptionType();

    String callbackReference();

    TimeStamp expiryDeadline();

    SelfLinks links();

    /** The app instance the subscription filters on (may be {@code null} for mobility procedures). */
    String filterAppInstanceId();

    AmsSubscription withLinks(SelfLinks links);

    Boolean requestTestNotification();

    WebsockNotifConfig websockNotifConfig();

    /** This subscription with the delivery the server chose (MEC 009 6.12a: only the chosen alternative is kept). */
    AmsSubscription withDelivery(String callbackReference, WebsockNotifConfig websockNotifConfig);
}
