package org.oneedge.app.topology;

import java.util.List;

/**
 * Something a topology file starts next to its CSE nodes and MEC platforms ({@code add-ons:}), in file order, each
 * naming the CSE node it works with ({@code cse}) and, where it is a MEC application, the MEC platform it runs on
 * ({@code mec}: a {@code mec-platforms} entry or a CSE node with {@code mec.enabled}). Stopped in reverse order.
 */
public sealed interface AddOnSpec {

    /** The CSE node it works with. */
    String cse();

    /** The {@code type:} value of the add-on in a topology file. */
    String type();

    /**
     * A MEC application (MEC 011 registration, {@code confirm_ready}, termination subscription, MEC service
     * discovery) that stands for the CSE {@code cse} on the MEC platform and registers that CSE as the MEC 033 IoT
     * platform: the CSE itself (C, D) or the MEC IPE's application (A, B, {@code app-name oneM2M-MEC-IPE-<csi>}).
     *
     * @param name             how a {@code mec-ipe} refers to it
     * @param mec              the MEC platform
     * @param mecHost          the MEC host whose view (API roots below {@code /<host>}) it uses; null = the first
     * @param appName          MEC application name; null = {@code oneM2M-CSE-<csi>}
     * @param appInstanceId    application instance id; null = let the platform assign one by registering
     * @param offerCseAsService publish the CSE as MEC service {@code oneM2M-CSE-<csi>} (deployment D)
     */
    record MecApplication(String name, String cse, String mec, String mecHost, String appName, String appInstanceId,
                          boolean offerCseAsService) implements AddOnSpec {
        @Override
        public String type() {
            return "mec-application";
        }
    }

    /**
     * The MEC IPE: mirrors RNIS, Location and host metrics, read through the MEC services a {@link MecApplication}
     * discovered, into the CSE {@code cse} as oneM2M resources ({@code <CSEBase>/CMecIpe/mec/...}); stops when the
     * platform terminates that application.
     *
     * @param application the {@code mec-application} add-on it runs in
     * @param overHttp    reach the CSE over HTTP as another node would (A, B), rather than in this process
     */
    record MecIpe(String cse, String application, boolean overHttp) implements AddOnSpec {
        @Override
        public String type() {
            return "mec-ipe";
        }
    }

    /**
     * The MQTT-JSON device IPE writing devices that publish JSON on the broker {@code cse} serves MQTT on into that
     * CSE.
     *
     * @param applications {@code acor} entries of the applications that may read and command the devices, e.g.
     *                     {@code /id-in/C*}; empty = those registered at {@code cse}
     */
    record MqttDevices(String cse, List<String> applications) implements AddOnSpec {
        public MqttDevices {
            applications = applications == null ? List.of() : List.copyOf(applications);
        }

        @Override
        public String type() {
            return "mqtt-devices";
        }
    }

    /**
     * An Mca proxy relaying devices' TS-0009 requests to {@code cse}, registered as MEC application with the MEC
     * platform {@code mec} (null = stand-alone) and published there as MEC service {@code oneM2M-McaProxy-<csi>}.
     *
     * @param port   its HTTP port, 0 = a free one
     * @param tokens proxy tokens devices must present; empty = no check
     */
    record McaProxy(String cse, String mec, int port, List<String> tokens) implements AddOnSpec {
        public McaProxy {
            tokens = tokens == null ? List.of() : List.copyOf(tokens);
        }

        @Override
        public String type() {
            return "mca-proxy";
        }
    }

    /**
     * The location server of network-based {@code <locationPolicy>} resources ({@code los} 1) of {@code cse}, reading
     * positions from the MEC 013 Location API of the MEC platform {@code mec}.
     */
    record NetworkLocation(String cse, String mec) implements AddOnSpec {
        @Override
        public String type() {
            return "network-location";
        }
    }

    /**
     * The federation (issue 6): registry, health monitor, role rules and ranking requests at the IN-CSE {@code cse};
     * the CSE nodes {@code members} and the MEC platform {@code mec} with its hosts register as members and
     * heartbeat while they answer.
     *
     * @param members   CSE nodes that join (topology names); empty = only {@code cse}
     * @param mec       the MEC platform that joins with its hosts, or null
     * @param heartbeat heartbeat interval of the members; null = 10 s. A member is DOWN after 3 missed heartbeats
     */
    record Federation(String cse, List<String> members, String mec, java.time.Duration heartbeat)
            implements AddOnSpec {
        public Federation {
            members = members == null ? List.of() : List.copyOf(members);
        }

        @Override
        public String type() {
            return "federation";
        }
    }
}
