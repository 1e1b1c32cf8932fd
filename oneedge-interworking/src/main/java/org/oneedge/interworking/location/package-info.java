/**
 * Network-based {@code <locationPolicy>} support (TS-0001 10.2.9): the location server that reads positions from
 * MEC 013 and writes them into the policies' location containers. Entry point: {@link
 * org.oneedge.interworking.location.NetworkLocationProvider} with {@link
 * org.oneedge.interworking.location.NetworkLocationConfig}.
 */
package org.oneedge.interworking.location;
