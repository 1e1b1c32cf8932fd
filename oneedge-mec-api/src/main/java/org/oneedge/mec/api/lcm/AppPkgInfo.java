package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.common.LinkType;
import org.oneedge.mec.api.common.ProblemDetails;

import java.util.List;

/** MEC 010-2 {@code AppPkgInfo}: an onboarded application package. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppPkgInfo(String id, String appDId, String appProvider, String appName, String appSoftwareVersion,
                         String appDVersion, Checksum checksum, String signingCertificate,
                         List<JsonNode> softwareImages, List<JsonNode> additionalArtifacts,
                         OnboardingState onboardingState, AppPkgOperationalState operationalState,
                         UsageState usageState, List<String> mecInfo, JsonNode userDefinedData,
                         ProblemDetails onboardingFailureDetails, @JsonProperty("_links") Links links) {

    /** {@code _links} of a package. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(LinkType self, LinkType appD, LinkType appPkgContent, LinkType vnfPkgInfo) {
    }
}
