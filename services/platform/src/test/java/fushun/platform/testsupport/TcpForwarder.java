package fushun.platform.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listens on a fixed local port and forwards each connection to a target port. Lets a test bring
 * "Kafka" up on an address the service was configured with before any broker existed.
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public TcpForwarder(int listenPort, int targetPort) throws IOException {
        server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> accept(targetPort), "tcp-forwarder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                pipe(client.getInputStream(), target.getOutputStream());
                pipe(target.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // server closed, or a connection failed: the client will retry
            }
        }
    }

    private static void pipe(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try (in; out) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // connection closed
            }
        }, "tcp-forwarder-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
