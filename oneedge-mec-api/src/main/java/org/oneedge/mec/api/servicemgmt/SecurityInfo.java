package org.oneedge.mec.api.servicemgmt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * MEC 011 {@code SecurityInfo} of a transport. {@code oAuth2Info} is kept as JSON because the 011 files disagree on
 * its {@code grantTypes} shape (a string in service management, an array in application support).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecurityInfo(JsonNode oAuth2Info) {

    /** No security (the emulated platform does not authenticate). */
    public static SecurityInfo none() {
        return new SecurityInfo(null);
    }
}
