package org.oneedge.mec.api.lcm;

/** MEC 010-2 {@code AppPkgInfo.onboardingState}. */
public enum OnboardingState { CREATED, UPLOADING, PROCESSING, ONBOARDED }
