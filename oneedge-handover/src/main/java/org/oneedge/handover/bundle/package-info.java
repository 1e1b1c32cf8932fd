/**
 * Bundled handover of all AEs of one device, all or nothing, re-registering in priority order (HANDOVER.md
 * "Bundles"); see {@link org.oneedge.handover.bundle.BundleHandover} for the phases.
 */
package org.oneedge.handover.bundle;
