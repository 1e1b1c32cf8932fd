package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * An RNIS subscription (MEC 012 6.3), told apart by {@code subscriptionType}: every type of the file (cell change,
 * E-RAB establishment, modification and release, E-UTRAN and NR measurement reports, timing advance, carrier
 * aggregation reconfiguration, S1 bearer events).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "subscriptionType",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CellChangeSubscription.class, name = CellChangeSubscription.TYPE),
        @JsonSubTypes.Type(value = MeasRepUeSubscription.class, name = MeasRepUeSubscription.TYPE),
        @JsonSubTypes.Type(value = NrMeasRepUeSubscription.class, name = NrMeasRepUeSubscription.TYPE),
        @JsonSubTypes.Type(value = RabEstSubscription.class, name = RabEstSubscription.TYPE),
        @JsonSubTypes.Type(value = RabRelSubscription.class, name = RabRelSubscription.TYPE),
        @JsonSubTypes.Type(value = MeasTaSubscription.class, name = MeasTaSubscription.TYPE),
        @JsonSubTypes.Type(value = RabModSubscription.class, name = RabModSubscription.TYPE),
        @JsonSubTypes.Type(value = CaReconfSubscription.class, name = CaReconfSubscription.TYPE),
        @JsonSubTypes.Type(value = S1BearerSubscription.class, name = S1BearerSubscription.TYPE)})
public sealed interface RniSubscription permits CellChangeSubscription, MeasRepUeSubscription,
        NrMeasRepUeSubscription, RabEstSubscription, RabRelSubscription, MeasTaSubscription, RabModSubscription,
        CaReconfSubscription, S1BearerSubscription {

    String subscriptionType();

    String callbackReference();

    Boolean requestTestNotification();

    TimeStamp expiryDeadline();

    SelfLinks links();

    /** This subscription as stored by the server: with {@code _links.self} and normalised defaults. */
    RniSubscription withLinks(SelfLinks links);

    WebsockNotifConfig websockNotifConfig();

    /** This subscription with the delivery the server chose (MEC 009 6.12a: only the chosen alternative is kept). */
    RniSubscription withDelivery(String callbackReference, WebsockNotifConfig websockNotifConfig);
}
