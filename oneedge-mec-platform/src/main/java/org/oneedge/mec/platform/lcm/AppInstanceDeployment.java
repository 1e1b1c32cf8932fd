package org.oneedge.mec.platform.lcm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an {@link AppInstantiator} needs to run one app instance.
 *
 * @param appInstanceId   the 010-2 instance id; also the MEC 011 {@code appInstanceId} the app uses for
 *                        {@code confirm_ready} and service registration
 * @param appDId          the application descriptor id
 * @param appName         from the AppD
 * @param appProvider     from the AppD
 * @param appSoftVersion  from the AppD
 * @param hostName        the selected MEC host
 * @param mecPlatformUrl  the platform URL of that host's view ({@code http://.../{hostName}}), for Mp1 calls
 * @param appDescriptor   the onboarded AppD as JSON (free-form; may carry deployment parameters)
 * @param userDefinedData the package's {@code userDefinedData} as onboarded (holds the AppD under {@code appD} and
 *                        whatever else the provider put there, e.g. what an instantiator needs to run the package);
 *                        {@code null} if none
 */
public record AppInstanceDeployment(String appInstanceId, String appDId, String appName, String appProvider,
                                    String appSoftVersion, String hostName, String mecPlatformUrl,
                                    JsonNode appDescriptor, JsonNode userDefinedData) {
}
