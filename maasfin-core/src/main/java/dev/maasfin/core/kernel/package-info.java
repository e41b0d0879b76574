// SPDX-License-Identifier: Apache-2.0
/**
 * Native-free inference: immutable pure-Java kernels over primitive float arrays that compute the
 * forward pass of small networks exactly as PyTorch defines it, so a host without DJL or any native
 * library on its class path can score a model trained elsewhere.
 *
 * <p>{@link dev.maasfin.core.kernel.Kernel} is the scoring contract (single sample with offsets, or
 * a batch); {@link dev.maasfin.core.kernel.SequentialKernel} composes dense, activation, LSTM, GRU,
 * 1-D convolution, pooling, flatten and last-step layers whose parameters use PyTorch's names,
 * shapes and gate orders; {@link dev.maasfin.core.kernel.KernelFiles} saves and loads a kernel as a
 * JSON spec and a little-endian float32 weights file, with shape checks naming the layer and
 * parameter. Kernels are thread-safe (immutable weights, per-thread scratch) and allocate nothing
 * per call once a thread is warmed up. Numerics: float32 weights and activations, dot products
 * accumulated in double; agreement with PyTorch/DJL float32 outputs to 1e-5 relative.
 *
 * <p>Not covered: attention, batch or layer normalisation, dropout (an inference no-op, simply
 * leave it out), bidirectional recurrent layers, strided or dilated convolutions, padded pooling,
 * non-zero initial recurrent state and SIMD vectorisation (the JDK 17 Vector API is incubating).
 */
package dev.maasfin.core.kernel;
