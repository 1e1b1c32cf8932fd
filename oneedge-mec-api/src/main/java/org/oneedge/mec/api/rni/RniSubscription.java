package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * An RNIS subscription (MEC 012 6.3), told apart by {@code subscriptionType}. OneEdge implements cell change and UE
 * measurement report subscriptions; other types are refused with 400.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "subscriptionType",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CellChangeSubscription.class, name = CellChangeSubscription.TYPE),
        @JsonSubTypes.Type(value = MeasRepUeSubscription.class, name = MeasRepUeSubscription.TYPE)})
public sealed interface RniSubscription permits CellChangeSubscription, MeasRepUeSubscription {

    String subscriptionType();

    String callbackReference();

    Boolean requestTestNotification();

    TimeStamp expiryDeadline();

    SelfLinks links();

    /** This subscription as stored by the server: with {@code _links.self} and normalised defaults. */
    RniSubscription withLinks(SelfLinks links);
}
