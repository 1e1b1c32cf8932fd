package org.oneedge.mec.api.rni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.TimeStamp;

import java.util.List;

/**
 * A UE changed cell (MEC 012 6.4.2). As in the RniAPI.yaml 2.2.1 file, {@code _links} is an array of
 * {@code {self}} objects and {@code subscription} an array of links; both point at the subscription.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellChangeNotification(String notificationType, TimeStamp timeStamp, List<AssociateId> associateId,
                                     Ecgi srcEcgi, List<Ecgi> trgEcgi, HoStatus hoStatus, TempUeId tempUeId,
                                     @JsonProperty("_links") List<SelfLinks> links,
                                     List<LinkType> subscription) implements RniNotification {

    public static final String TYPE = "CellChangeNotification";

    /** Temporary UE identity (MEC 012 {@code TempUeId}). */
    public record TempUeId(String mmec, String mtmsi) {
    }
}
