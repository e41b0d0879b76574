// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns PyTorch's autograd recording off for one inference call on the calling thread.
 *
 * <p>PyTorch keeps its grad mode per thread, and DJL's PyTorch engine switches it off only on the
 * thread that loads the engine. On any other thread (a server's pool) a forward pass therefore
 * records an autograd graph and may take other CPU kernels: measured here, an LSTM window scored on
 * a pool thread differed from the same window on the loading thread in the last bits (about 2 ulp).
 * {@link #disable} switches recording off for the call and reports whether to switch it back, so
 * the caller's state (e.g. an open gradient collector) is restored.
 *
 * <p>The engine's {@code JniUtils} is reached through method handles because maasfin-djl compiles
 * against DJL's API only (the engine is a runtime dependency); with another engine both methods do
 * nothing. Thread-safe: stateless.
 */
final class GradMode {

    private static final MethodHandle IS;
    private static final MethodHandle SET;

    static {
        MethodHandle is = null;
        MethodHandle set = null;
        try {
            Class<?> jni = Class.forName("ai.djl.pytorch.jni.JniUtils");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            is = lookup.findStatic(jni, "isGradMode", MethodType.methodType(boolean.class));
            set =
                    lookup.findStatic(
                            jni, "setGradMode", MethodType.methodType(void.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            is = null;
            set = null;
        }
        IS = is;
        SET = set;
    }

    private GradMode() {}

    /**
     * Switches grad mode off on this thread if it is on.
     *
     * @return whether it was on (pass to {@link #restore})
     */
    static boolean disable() {
        if (IS == null) {
            return false;
        }
        try {
            boolean on = (boolean) IS.invokeExact();
            if (on) {
                SET.invokeExact(false);
            }
            return on;
        } catch (Throwable e) {
            throw new IllegalStateException("could not switch off PyTorch's grad mode", e);
        }
    }

    /** Switches grad mode back on if {@link #disable} found it on. */
    static void restore(boolean wasOn) {
        if (!wasOn) {
            return;
        }
        try {
            SET.invokeExact(true);
        } catch (Throwable e) {
            throw new IllegalStateException("could not restore PyTorch's grad mode", e);
        }
    }
}
