package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppPkgSubscriptionType}. */
public enum AppPkgSubscriptionType { AppPackageOnBoardingSubscription, AppPackageChangeSubscription, AppPackageDeletionSubscription }
