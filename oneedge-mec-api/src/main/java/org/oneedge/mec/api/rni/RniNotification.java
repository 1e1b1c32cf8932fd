package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.oneedge.mec.api.common.TimeStamp;

/**
 * A notification RNIS POSTs to a subscriber's {@code callbackReference} (MEC 012 6.4), told apart by
 * {@code notificationType}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "notificationType",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = CellChangeNotification.class, name = CellChangeNotification.TYPE),
        @JsonSubTypes.Type(value = MeasRepUeNotification.class, name = MeasRepUeNotification.TYPE)})
public sealed interface RniNotification permits CellChangeNotification, MeasRepUeNotification {

    String notificationType();

    TimeStamp timeStamp();
}
