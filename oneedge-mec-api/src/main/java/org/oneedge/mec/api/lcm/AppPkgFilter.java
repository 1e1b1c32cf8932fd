package org.oneedge.mec.api.lcm;

import com.fasterxml.jackson.annotation.JsonInclude;

/** MEC 010-2 {@code AppPkgFilter}: which packages a package subscription is about (all given fields must match). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppPkgFilter(String appPkgInfoId, String appDId, String appProvider, String appName,
                           String appSoftwareVersion, String appDVersion, AppPkgOperationalState operationalState,
                           UsageState usageState) {
}
