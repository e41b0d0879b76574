// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;

/**
 * Child-JVM program for {@link TelemetryOptOutTest}: installs {@link NetworkGuard} in a fresh JVM,
 * runs one scenario and prints {@code key=value} lines that the parent test asserts on.
 *
 * <p>Scenarios: {@code engine} loads the engine through {@link Engines#ensureLoaded()}; {@code
 * controls} makes three deliberate attempts (HttpURLConnection to TEST-NET 192.0.2.1, DJL's own
 * {@code Ec2Utils.callHome} with tracking not opted out, a raw socket to 192.0.2.1) so the parent
 * can show that the guards see and refuse each kind before any packet is sent; {@code
 * engine-failure} loads the engine and prints the failure message.
 */
public final class NetworkGuardMain {

    private NetworkGuardMain() {}

    /** Runs the scenario named by {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        System.out.println("optOutBefore=" + System.getProperty(Engines.TRACKING_OPT_OUT));
        NetworkGuard.install();
        if (args[0].equals("engine")) {
            EngineInfo info = Engines.ensureLoaded();
            System.out.println("engineVersion=" + info.engineVersion());
            System.out.println("optOutAfter=" + System.getProperty(Engines.TRACKING_OPT_OUT));
        } else if (args[0].equals("engine-failure")) {
            try {
                Engines.ensureLoaded();
                System.out.println("failure=none");
            } catch (IllegalStateException e) {
                System.out.println("failure=" + e.getMessage().replace('\n', ' '));
            }
        } else {
            runControls();
        }
        System.out.println("proxySelectorSeen=" + NetworkGuard.PROXY_SELECTOR_SEEN);
        System.out.println("urlHandlerSeen=" + NetworkGuard.URL_HANDLER_SEEN);
        System.out.println("socketSeen=" + NetworkGuard.SOCKET_SEEN);
        System.exit(0);
    }

    private static void runControls() {
        try {
            new URL("http://192.0.2.1/probe").openConnection().connect();
            System.out.println("httpControl=CONNECTED");
        } catch (Exception e) {
            System.out.println("httpControl=refused " + e.getClass().getSimpleName());
        }
        ai.djl.util.Ec2Utils.callHome("PyTorch");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("192.0.2.1", 9), 1000);
            System.out.println("socketControl=CONNECTED");
        } catch (Exception e) {
            System.out.println("socketControl=refused " + e.getClass().getSimpleName());
        }
    }
}
