package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * An RNIS subscription (MEC 012 6.3), told apart by {@code subscriptionType}. OneEdge implements those the emulator can
 * drive (cell change, E-RAB establishment and release, E-UTRAN and NR measurement reports, timing advance); other
 * types (RAB modification, carrier aggregation reconfiguration, S1 bearer) are refused with 400.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "subscriptionType",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CellChangeSubscription.class, name = CellChangeSubscription.TYPE),
        @JsonSubTypes.Type(value = MeasRepUeSubscription.class, name = MeasRepUeSubscription.TYPE),
        @JsonSubTypes.Type(value = NrMeasRepUeSubscription.class, name = NrMeasRepUeSubscription.TYPE),
        @JsonSubTypes.Type(value = RabEstSubscription.class, name = RabEstSubscription.TYPE),
        @JsonSubTypes.Type(value = RabRelSubscription.class, name = RabRelSubscription.TYPE),
        @JsonSubTypes.Type(value = MeasTaSubscription.class, name = MeasTaSubscription.TYPE)})
public sealed interface RniSubscription permits CellChangeSubscription, MeasRepUeSubscription,
        NrMeasRepUeSubscription, RabEstSubscription, RabRelSubscription, MeasTaSubscription {

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
