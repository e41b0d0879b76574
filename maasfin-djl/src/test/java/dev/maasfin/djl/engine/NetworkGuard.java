// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.net.URLStreamHandlerFactory;
import java.net.UnknownHostException;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test-only guards that record and refuse every non-loopback connection attempt in this JVM.
 *
 * <p>Three layers, because each sees a different path:
 *
 * <ul>
 *   <li>a {@link ProxySelector}: consulted by {@code HttpURLConnection.connect()} for URLs opened
 *       with {@code url.openConnection()}; it does NOT see {@code
 *       url.openConnection(Proxy.NO_PROXY)}, which is what DJL's {@code Ec2Utils} uses;
 *   <li>a {@link URLStreamHandlerFactory} for http/https: sees every {@code URL.openConnection}
 *       call, with or without an explicit proxy, so it sees DJL's probe; it refuses non-loopback
 *       URLs opened with an explicit proxy and passes the rest to the JDK handler (whose connect()
 *       then consults the proxy selector);
 *   <li>a {@link SecurityManager} whose {@code checkConnect} sees raw {@code Socket.connect} calls
 *       (and the HTTP client's socket), refusing non-loopback addresses; it grants every other
 *       permission. Works on JDK 17 (deprecated there, gone in JDK 24).
 * </ul>
 *
 * Every refusal happens before a socket connects, so no packet leaves the machine. Limits: native
 * code (libtorch) opening sockets itself is not seen by any of the three; name lookups of a host
 * name (not a literal address) go through {@code checkConnect(host, -1)} and are refused too.
 */
final class NetworkGuard {

    static final List<String> PROXY_SELECTOR_SEEN = new CopyOnWriteArrayList<>();
    static final List<String> URL_HANDLER_SEEN = new CopyOnWriteArrayList<>();
    static final List<String> SOCKET_SEEN = new CopyOnWriteArrayList<>();

    private NetworkGuard() {}

    @SuppressWarnings("removal")
    static void install() {
        ProxySelector.setDefault(new RefusingSelector());
        URL.setURLStreamHandlerFactory(new GuardingFactory());
        System.setSecurityManager(new ConnectGuard());
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty() || host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name that is not localhost: treat as remote, do not resolve
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static final class RefusingSelector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            if (isLoopback(uri.getHost())) {
                return List.of(Proxy.NO_PROXY);
            }
            PROXY_SELECTOR_SEEN.add(uri.toString());
            throw new IllegalStateException("test guard refused connection to " + uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    }

    private static final class GuardingFactory implements URLStreamHandlerFactory {
        @Override
        public URLStreamHandler createURLStreamHandler(String protocol) {
            if (!protocol.equals("http") && !protocol.equals("https")) {
                return null;
            }
            return new GuardingHandler(protocol);
        }
    }

    private static final class GuardingHandler extends URLStreamHandler {
        private final String protocol;

        GuardingHandler(String protocol) {
            this.protocol = protocol;
        }

        @Override
        protected URLConnection openConnection(URL u) throws IOException {
            return jdkUrl(u).openConnection();
        }

        @Override
        protected URLConnection openConnection(URL u, Proxy p) throws IOException {
            if (!isLoopback(u.getHost())) {
                URL_HANDLER_SEEN.add(u.toString());
                throw new IOException("test guard refused connection to " + u);
            }
            return jdkUrl(u).openConnection(p);
        }

        private URL jdkUrl(URL u) throws IOException {
            if (!isLoopback(u.getHost())) {
                URL_HANDLER_SEEN.add(u.toString());
            }
            String cls = "sun.net.www.protocol." + protocol + ".Handler";
            try {
                URLStreamHandler jdk =
                        (URLStreamHandler)
                                Class.forName(cls).getDeclaredConstructor().newInstance();
                return new URL(null, u.toString(), jdk);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot create JDK handler " + cls, e);
            }
        }
    }

    @SuppressWarnings("removal")
    private static final class ConnectGuard extends SecurityManager {
        @Override
        public void checkPermission(Permission perm) {}

        @Override
        public void checkPermission(Permission perm, Object context) {}

        @Override
        public void checkConnect(String host, int port) {
            refuseRemote(host, port);
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
            refuseRemote(host, port);
        }

        private static void refuseRemote(String host, int port) {
            if (!isLoopback(host)) {
                SOCKET_SEEN.add(host + ":" + port);
                throw new SecurityException("test guard refused socket to " + host + ":" + port);
            }
        }
    }
}
