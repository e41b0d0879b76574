// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import ai.djl.engine.Engine;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point through which maasfin-djl loads DJL's PyTorch engine.
 *
 * <p>DJL 0.36 runs {@code ai.djl.util.Ec2Utils.callHome} from the static initialiser of {@code
 * ai.djl.engine.Engine}. Unless DJL's offline mode ({@code ai.djl.offline} / {@code DJL_OFFLINE})
 * is on or {@code OPT_OUT_TRACKING} is {@code true} (environment variable first, then system
 * property, as read by {@code Utils.getEnvOrSystemProperty}), that call opens HTTP connections to
 * the EC2 metadata address {@code 169.254.169.254} and then sends a usage record to an S3 URL. It
 * uses {@code URL.openConnection(Proxy.NO_PROXY)}, so a {@link java.net.ProxySelector} never sees
 * it.
 *
 * <p>{@link #ensureLoaded()} therefore sets the system property {@code OPT_OUT_TRACKING=true}
 * before it touches any DJL engine class, unless the host has already set {@code OPT_OUT_TRACKING}
 * as an environment variable or system property (the host's value is then left as it is, and a
 * value other than {@code true} is logged at WARN). It then loads the PyTorch engine and logs
 * engine name, PyTorch version, DJL version and GPU count once at INFO.
 *
 * <p>Limit: the opt-out only works if no code in the JVM initialises DJL's {@code Engine} class
 * before maasfin does; a host that uses DJL directly must call {@link #ensureLoaded()} (or set
 * {@code OPT_OUT_TRACKING} itself) first.
 *
 * <p>Threads: DJL sizes PyTorch's intra-op and inter-op pools from {@code
 * ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads}, read when the engine
 * loads; for the small networks maasfin trains, 1 is usually fastest, and on a busy host several
 * threads per call can slow each step many times over (the module's tests run with 1).
 *
 * <p>Thread-safe: loading is guarded by the class lock and happens at most once per JVM.
 */
public final class Engines {

    /** Name of DJL's tracking opt-out, read as environment variable and as system property. */
    public static final String TRACKING_OPT_OUT = "OPT_OUT_TRACKING";

    /** Name under which DJL registers its PyTorch engine. */
    public static final String ENGINE_NAME = "PyTorch";

    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private static EngineInfo loaded;

    private Engines() {}

    /**
     * Opts out of DJL tracking (unless the host decided), loads the PyTorch engine once and
     * describes it; later calls return the same description without side effects.
     *
     * @return the loaded engine's name, version, DJL version and GPU count
     * @throws IllegalStateException if DJL cannot load the PyTorch engine (for example because its
     *     native library is missing and offline mode forbids a download); the cause is DJL's
     *     exception
     */
    public static synchronized EngineInfo ensureLoaded() {
        if (loaded == null) {
            String optOut = applyTrackingOptOut(System.getenv(), System.getProperties());
            loaded = load(optOut);
        }
        return loaded;
    }

    /**
     * Returns whether {@link #ensureLoaded()} has loaded the engine in this process.
     *
     * @return true once the engine has loaded
     */
    public static synchronized boolean isLoaded() {
        return loaded != null;
    }

    /**
     * Returns whether DJL tracking is currently opted out as DJL would read it (environment
     * variable first, then system property).
     */
    public static boolean isTrackingOptedOut() {
        String env = System.getenv(TRACKING_OPT_OUT);
        String value = env != null ? env : System.getProperty(TRACKING_OPT_OUT);
        return Boolean.parseBoolean(value);
    }

    /**
     * Sets {@code OPT_OUT_TRACKING=true} in {@code props} unless {@code env} or {@code props}
     * already holds the key; returns a short description of where the effective value came from.
     */
    static String applyTrackingOptOut(Map<String, String> env, Properties props) {
        String hostEnv = env.get(TRACKING_OPT_OUT);
        if (hostEnv != null) {
            warnIfTracking(hostEnv);
            return "host environment " + TRACKING_OPT_OUT + "=" + hostEnv;
        }
        String hostProp = props.getProperty(TRACKING_OPT_OUT);
        if (hostProp != null) {
            warnIfTracking(hostProp);
            return "host system property " + TRACKING_OPT_OUT + "=" + hostProp;
        }
        props.setProperty(TRACKING_OPT_OUT, "true");
        return "set by maasfin " + TRACKING_OPT_OUT + "=true";
    }

    private static void warnIfTracking(String value) {
        if (!Boolean.parseBoolean(value)) {
            LOG.warn(
                    "Host set {}={}: DJL usage tracking stays enabled by the host's choice",
                    TRACKING_OPT_OUT,
                    value);
        }
    }

    private static EngineInfo load(String optOut) {
        Engine engine;
        try {
            engine = Engine.getEngine(ENGINE_NAME);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "DJL could not load the "
                            + ENGINE_NAME
                            + " engine, typically because its native library (libtorch) is"
                            + " neither on the class path nor in the DJL cache and offline mode"
                            + " forbids a download; put ai.djl.pytorch:pytorch-native-cpu"
                            + " (classifier linux-x86_64) and a matching pytorch-jni on the class"
                            + " path. DJL said: "
                            + e.getMessage(),
                    e);
        }
        EngineInfo info =
                new EngineInfo(
                        engine.getEngineName(),
                        engine.getVersion(),
                        Engine.getDjlVersion(),
                        engine.getGpuCount());
        LOG.info(
                "DJL engine {} {} loaded (DJL {}, GPUs {}, tracking opt-out: {})",
                info.engineName(),
                info.engineVersion(),
                info.djlVersion(),
                info.gpuCount(),
                optOut);
        return info;
    }

    /**
     * Returns DJL's PyTorch engine, loading it first through {@link #ensureLoaded()}; for use by
     * maasfin-djl's own packages.
     *
     * @throws IllegalStateException as {@link #ensureLoaded()}
     */
    public static Engine engine() {
        ensureLoaded();
        return Engine.getEngine(ENGINE_NAME);
    }
}
