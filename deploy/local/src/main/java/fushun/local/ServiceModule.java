package fushun.local;

import java.util.List;

/**
 * A module the launcher starts: its jar, its port (first service port + index), its database
 * (null for none) and the environment names the compose file and its application.yml share.
 */
record ServiceModule(String name, String jarPath, int portIndex, String database) {

    /** In start order; the gateway last. */
    static final List<ServiceModule> ALL = List.of(
            new ServiceModule("monitoring", "services/monitoring/target/monitoring.jar", 0, "monitoring"),
            new ServiceModule("social-assistance", "services/social-assistance/target/social-assistance.jar", 1, "social_assistance"),
            new ServiceModule("medical-insurance", "services/medical-insurance/target/medical-insurance.jar", 2, "medical_insurance"),
            new ServiceModule("housing-safety", "services/housing-safety/target/housing-safety.jar", 3, "housing_safety"),
            new ServiceModule("employment", "services/employment/target/employment.jar", 4, "employment"),
            new ServiceModule("asset-management", "services/asset-management/target/asset-management.jar", 5, "asset_management"),
            new ServiceModule("console", "services/console/target/console.jar", 6, "console"),
            new ServiceModule("gateway", "gateway/target/gateway.jar", -1, null));

    /**
     * The bureau services the launcher can start twice ({@code PLATFORM_INSTANCES=2}): same database,
     * same broker principal and consumer group. Monitoring stays one (its roster import spools
     * uploads in its own temporary folder), so do the console and the gateway.
     */
    static final List<String> SCALED_OUT = List.of("social-assistance", "medical-insurance", "housing-safety",
            "employment", "asset-management");

    /** A second instance's name ends with this; its ports are the first's plus {@link #SECOND_INSTANCE_PORT_SHIFT}. */
    static final String SECOND_INSTANCE = "-2";
    static final int SECOND_INSTANCE_PORT_SHIFT = 10;

    boolean scalesOut() {
        return SCALED_OUT.contains(name);
    }

    /** The same service again on its own ports (e.g. 8112, actuator 8212), e.g. {@code social-assistance-2}. */
    ServiceModule secondInstance() {
        return new ServiceModule(name + SECOND_INSTANCE, jarPath, portIndex + SECOND_INSTANCE_PORT_SHIFT, database);
    }

    /** The service an instance belongs to: its broker principal, secrets and settings. */
    String service() {
        return name.endsWith(SECOND_INSTANCE) ? name.substring(0, name.length() - SECOND_INSTANCE.length()) : name;
    }

    int port(Ports ports) {
        return portIndex < 0 ? ports.gateway() : ports.firstService() + portIndex;
    }

    /**
     * A process's actuator port (loopback): 100 above a service's own, e.g. 8201 for monitoring, and
     * the next one after the services' for the gateway (8208).
     */
    int managementPort(Ports ports) {
        return ports.firstService() + 100 + (portIndex < 0 ? ALL.size() - 1 : portIndex);
    }

    /** The readiness probe, on the application port. */
    String readinessPath() {
        return "/readyz";
    }

    /** The gateway's variable for this service's URL, e.g. SOCIAL_ASSISTANCE_URL. */
    String urlVariable() {
        return name.toUpperCase().replace('-', '_') + "_URL";
    }

    static List<String> databases() {
        return ALL.stream().map(ServiceModule::database).filter(d -> d != null).toList();
    }
}
