/**
 * The {@code <locationPolicy>} resource (TS-0001 9.6.10 and 10.2.9, TS-0004 7.4.11): the policy an AE creates to have
 * the location of a device kept in a {@code <container>} that the hosting CSE creates for it. Positions themselves
 * come from outside the engine: the device (device-based) or a location server that writes through {@code CseClient}
 * (network-based, e.g. the MEC 013 provider in oneedge-interworking).
 */
package org.oneedge.cse.location;
