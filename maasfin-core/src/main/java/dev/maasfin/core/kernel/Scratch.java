// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.kernel;

/**
 * One thread's working memory for a kernel: two ping-pong activation buffers and the recurrent
 * layers' state and gate pre-activations (each array indexed from 0, see {@link Vec#addMatVec}).
 * Never shared between threads.
 */
final class Scratch {
    final float[] a;
    final float[] b;
    final float[] state;
    final float[] hidden;
    final float[] gates;
    final float[] recurrent;

    Scratch(int activations, int stateSize, int hiddenSize, int gateSize) {
        this.a = new float[activations];
        this.b = new float[activations];
        this.state = new float[stateSize];
        this.hidden = new float[hiddenSize];
        this.gates = new float[gateSize];
        this.recurrent = new float[gateSize];
    }
}
