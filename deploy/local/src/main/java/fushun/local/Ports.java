package fushun.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Where everything listens; the end-to-end test shifts them all so a running demo is left alone. */
public record Ports(int gateway, int keycloak, int keycloakManagement, int kafka, int kafkaController, int postgres,
                    int firstService) {

    /**
     * Fails before anything starts when a port is taken (another platform running, say): a broker
     * that cannot bind would otherwise leave the launcher talking to somebody else's.
     */
    void requireFree(boolean embeddedPostgres) {
        requireFree(embeddedPostgres, 1);
    }

    /** The same, with the second instances' ports when each bureau service runs twice. */
    void requireFree(boolean embeddedPostgres, int instances) {
        for (int port : all(embeddedPostgres, instances)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is in use: is another platform running? "
                        + "(PLATFORM_PORT_OFFSET moves every port)");
            }
        }
    }

    /** Every port the platform listens on: infrastructure, and each service's own and its actuator's. */
    List<Integer> all(boolean embeddedPostgres) {
        return all(embeddedPostgres, 1);
    }

    /** Every port, with the second instances' of the bureau services when {@code instances} is 2. */
    List<Integer> all(boolean embeddedPostgres, int instances) {
        List<Integer> all = new ArrayList<>(List.of(keycloak, keycloakManagement, kafka, kafkaController));
        if (embeddedPostgres) {
            all.add(postgres);
        }
        for (ServiceModule module : ServiceModule.ALL) {
            all.add(module.port(this));
            all.add(module.managementPort(this));
            if (instances > 1 && module.scalesOut()) {
                all.add(module.secondInstance().port(this));
                all.add(module.secondInstance().managementPort(this));
            }
        }
        return all;
    }

    public static Ports withOffset(int offset) {
        return new Ports(8080 + offset, 8180 + offset, 8190 + offset, 9092 + offset, 9093 + offset, 15432 + offset,
                8101 + offset);
    }
}
