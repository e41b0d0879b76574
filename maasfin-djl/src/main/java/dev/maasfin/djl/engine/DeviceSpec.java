// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import ai.djl.Device;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A requested compute device: {@code cpu}, {@code gpu} (= {@code gpu:0}), {@code gpu:N} or {@code
 * auto}.
 *
 * <p>{@link #resolve()} turns the request into a DJL device. {@code auto} picks GPU 0 when DJL's
 * engine reports at least one GPU, else the CPU with a WARN log line once per JVM (a degraded
 * fallback, never an error). An explicit GPU request on a host whose engine reports fewer GPUs is
 * an {@link IllegalStateException}: a host that asked for a GPU must not silently run on the CPU.
 * With the default {@code cpu} Maven profile the PyTorch natives are CPU-only, so DJL reports 0
 * GPUs even on a machine with a GPU.
 *
 * <p>Thread-safe: immutable.
 */
public final class DeviceSpec {

    /** The kind of device requested. */
    public enum Kind {
        /** The CPU. */
        CPU,
        /** One GPU, by index. */
        GPU,
        /** GPU 0 when available, else the CPU. */
        AUTO
    }

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSpec.class);

    private static final java.util.concurrent.atomic.AtomicBoolean WARNED_AUTO_CPU =
            new java.util.concurrent.atomic.AtomicBoolean();

    private static final DeviceSpec CPU = new DeviceSpec(Kind.CPU, -1);
    private static final DeviceSpec AUTO = new DeviceSpec(Kind.AUTO, -1);

    private final Kind kind;
    private final int gpuIndex;

    private DeviceSpec(Kind kind, int gpuIndex) {
        this.kind = kind;
        this.gpuIndex = gpuIndex;
    }

    /** Returns the CPU request. */
    public static DeviceSpec cpu() {
        return CPU;
    }

    /** Returns the request "GPU when available, else CPU". */
    public static DeviceSpec auto() {
        return AUTO;
    }

    /**
     * Returns the request for GPU {@code index}.
     *
     * @throws IllegalArgumentException if {@code index < 0}
     */
    public static DeviceSpec gpu(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("gpu index must be >= 0 but was " + index);
        }
        return new DeviceSpec(Kind.GPU, index);
    }

    /**
     * Parses {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}, ignoring case and surrounding
     * blanks.
     *
     * @throws NullPointerException if {@code text} is null
     * @throws IllegalArgumentException if {@code text} is none of these forms or N is negative
     */
    public static DeviceSpec parse(String text) {
        Objects.requireNonNull(text, "device");
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "cpu":
                return CPU;
            case "auto":
                return AUTO;
            case "gpu":
                return gpu(0);
            default:
                if (t.startsWith("gpu:")) {
                    return gpu(parseIndex(text, t.substring(4)));
                }
                throw new IllegalArgumentException(
                        "device must be cpu, gpu, gpu:N or auto but was '" + text + "'");
        }
    }

    private static int parseIndex(String text, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "device gpu:N needs an integer N >= 0 but was '" + text + "'", e);
        }
    }

    /** Returns the requested kind. */
    public Kind kind() {
        return kind;
    }

    /** Returns the GPU index for {@link Kind#GPU}, else -1. */
    public int gpuIndex() {
        return gpuIndex;
    }

    /**
     * Loads the engine (through {@link Engines#ensureLoaded()}) and returns the DJL device for this
     * request.
     *
     * @throws IllegalStateException if a GPU was requested explicitly and the engine reports no GPU
     *     with that index; the message names the request and the GPU count
     */
    public Device resolve() {
        return resolve(Engines.ensureLoaded().gpuCount());
    }

    /** Resolves against a given GPU count; package-private so the rule is testable on CPU. */
    Device resolve(int gpuCount) {
        switch (kind) {
            case CPU:
                return Device.cpu();
            case AUTO:
                if (gpuCount > 0) {
                    return Device.gpu(0);
                }
                if (!WARNED_AUTO_CPU.getAndSet(true)) {
                    LOG.warn("Device auto: the engine reports no GPU, using the CPU");
                }
                return Device.cpu();
            default:
                if (gpuIndex >= gpuCount) {
                    throw new IllegalStateException(
                            "device "
                                    + this
                                    + " was requested but the "
                                    + Engines.ENGINE_NAME
                                    + " engine reports "
                                    + gpuCount
                                    + " GPU(s); use device 'cpu' or 'auto', or run with GPU"
                                    + " natives (Maven profile gpu)");
                }
                return Device.gpu(gpuIndex);
        }
    }

    /** Returns the request as {@link #parse(String)} accepts it: cpu, gpu:N or auto. */
    @Override
    public String toString() {
        return kind == Kind.GPU ? "gpu:" + gpuIndex : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceSpec
                && ((DeviceSpec) o).kind == kind
                && ((DeviceSpec) o).gpuIndex == gpuIndex;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + gpuIndex;
    }
}
