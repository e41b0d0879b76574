// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/**
 * One thread's working memory for a kernel: two ping-pong activation buffers and the layers'
 * recurrent state and gate pre-activations. Never shared between threads.
 */
final class Scratch {
    final float[] a;
    final float[] b;
    final float[] state;
    final double[] gates;

    Scratch(int activations, int stateSize, int gateSize) {
        this.a = new float[activations];
        this.b = new float[activations];
        this.state = new float[stateSize];
        this.gates = new double[gateSize];
    }
}
