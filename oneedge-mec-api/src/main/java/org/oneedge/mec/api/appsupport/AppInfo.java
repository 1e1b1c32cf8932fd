package org.oneedge.mec.api.appsupport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.oneedge.mec.api.servicemgmt.CategoryRef;
import org.oneedge.mec.api.servicemgmt.EndPointInfo;

import java.util.List;

/**
 * MEC 011 v3 {@code AppInfo}: what a MEC application tells the platform when it registers ({@code /registrations}).
 * Service and feature dependencies are kept as JSON ({@code ServiceDependency}, {@code FeatureDependency}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInfo(String appName, String appProvider, CategoryRef appCategory, String appDId,
                      String appInstanceId, EndPointInfo endpoint, List<JsonNode> appServiceRequired,
                      List<JsonNode> appServiceOptional, List<JsonNode> appFeatureRequired,
                      List<JsonNode> appFeatureOptional, Boolean isInsByMec, JsonNode appProfile) {

    public AppInfo {
        if (appName == null || appName.isBlank()) {
            throw new IllegalArgumentException("appName is required");
        }
    }

    public static AppInfo named(String appName) {
        return new AppInfo(appName, null, null, null, null, null, null, null, null, null, null, null);
    }

    public AppInfo withAppInstanceId(String id) {
        return new AppInfo(appName, appProvider, appCategory, appDId, id, endpoint, appServiceRequired,
                appServiceOptional, appFeatureRequired, appFeatureOptional, isInsByMec, appProfile);
    }
}
