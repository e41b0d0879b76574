// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * DJL's usage tracking is opted out before the engine first loads (issue 2).
 *
 * <p>DJL 0.36 calls {@code Ec2Utils.callHome} from {@code Engine}'s static initialiser; it probes
 * {@code http://169.254.169.254/latest/...} through {@code URL.openConnection(Proxy.NO_PROXY)}
 * unless offline mode or {@code OPT_OUT_TRACKING} is on (read from DJL 0.36's bytecode and the DJL
 * source of {@code api/src/main/java/ai/djl/util/Ec2Utils.java}). Because DJL's offline mode also
 * suppresses that call, the child JVM of the main test runs WITHOUT {@code ai.djl.offline} and
 * without {@code OPT_OUT_TRACKING}, so maasfin's opt-out is the only thing that can stop the probe;
 * {@link NetworkGuard} refuses any non-loopback attempt before a packet is sent, so the test itself
 * can never reach the network. The natives come from the class path, so no download is needed.
 * Limits: the guards see Java URL connections and Java sockets; native code opening sockets itself
 * would not be seen.
 */
class TelemetryOptOutTest {

    @Test
    void engineLoad_inFreshJvm_setsOptOutFirstAndAttemptsNoRemoteConnection() throws Exception {
        Map<String, String> out = runChild("engine");

        assertEquals("null", out.get("optOutBefore"), "fresh JVM must start without the opt-out");
        assertEquals("true", out.get("optOutAfter"));
        assertEquals("2.7.1", out.get("engineVersion"));
        assertEquals("[]", out.get("proxySelectorSeen"));
        assertEquals("[]", out.get("urlHandlerSeen"));
        assertEquals("[]", out.get("socketSeen"));
        assertFalse(out.get("stderr").contains("Downloading"), out.get("stderr"));
    }

    @Test
    void guards_inFreshJvm_seeAndRefuseEachKindOfConnectionAttempt() throws Exception {
        Map<String, String> out = runChild("controls");

        // HttpURLConnection through the default proxy path: the selector sees it and refuses.
        assertTrue(out.get("httpControl").startsWith("refused"), out.get("httpControl"));
        assertTrue(out.get("proxySelectorSeen").contains("http://192.0.2.1/probe"));
        // DJL's real probe (Proxy.NO_PROXY): the selector never sees it, the URL guard does.
        assertFalse(out.get("proxySelectorSeen").contains("169.254.169.254"));
        assertTrue(
                out.get("urlHandlerSeen").contains("http://169.254.169.254/latest/api/token"),
                out.get("urlHandlerSeen"));
        // A raw socket: only the connect guard sees it.
        assertTrue(out.get("socketControl").startsWith("refused"), out.get("socketControl"));
        assertTrue(out.get("socketSeen").contains("192.0.2.1:9"), out.get("socketSeen"));
    }

    @Test
    void applyTrackingOptOut_whenHostSetNothing_setsPropertyTrue() {
        Properties props = new Properties();

        String source = Engines.applyTrackingOptOut(Map.of(), props);

        assertEquals("true", props.getProperty("OPT_OUT_TRACKING"));
        assertTrue(source.startsWith("set by maasfin"), source);
    }

    @Test
    void applyTrackingOptOut_whenHostSetPropertyOrEnv_leavesHostValue() {
        Properties props = new Properties();
        props.setProperty("OPT_OUT_TRACKING", "false");

        String fromProp = Engines.applyTrackingOptOut(Map.of(), props);
        Properties empty = new Properties();
        String fromEnv = Engines.applyTrackingOptOut(Map.of("OPT_OUT_TRACKING", "false"), empty);

        assertEquals("false", props.getProperty("OPT_OUT_TRACKING"));
        assertTrue(fromProp.contains("host system property"), fromProp);
        assertEquals(null, empty.getProperty("OPT_OUT_TRACKING"));
        assertTrue(fromEnv.contains("host environment"), fromEnv);
    }

    private static Map<String, String> runChild(String scenario) throws Exception {
        Map<String, String> out = ChildJvm.run(scenario, cp -> cp, List.of());
        assertEquals("0", out.get("exit"), out.get("stdout") + out.get("stderr"));
        return out;
    }
}
