package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * MEC 010-2 {@code CreateAppPkg}: onboard an application package. OneEdge's simplified onboarding reads the app
 * descriptor from {@code userDefinedData.appD} (a JSON AppD: {@code appDId}, {@code appName}, {@code appProvider},
 * {@code appSoftVersion}, {@code appDVersion}, ...) or from a later {@code PUT .../package_content} with JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateAppPkg(String appPkgName, String appPkgVersion, String appProvider, Checksum checksum,
                           JsonNode userDefinedData, String appPkgPath) {

    public CreateAppPkg {
        if (appPkgName == null || appPkgName.isBlank()) {
            throw new IllegalArgumentException("appPkgName is required");
        }
        if (appPkgVersion == null || appPkgVersion.isBlank()) {
            throw new IllegalArgumentException("appPkgVersion is required");
        }
        if (checksum == null) {
            throw new IllegalArgumentException("checksum is required");
        }
        if (appPkgPath == null || appPkgPath.isBlank()) {
            throw new IllegalArgumentException("appPkgPath is required");
        }
    }
}
