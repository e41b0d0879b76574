// SPDX-License-Identifier: Apache-2.0
/**
 * JMH benchmarks. {@link dev.maasfin.examples.bench.KernelBenchmark} measures the pure-Java
 * inference kernels of {@code dev.maasfin.core.kernel}; {@link
 * dev.maasfin.examples.bench.BenchModels} builds the seeded benchmark models and exposes their
 * weights under PyTorch parameter names so that a DJL benchmark can load the very same weights. Run
 * with {@code java -cp <classpath> org.openjdk.jmh.Main <regex>}; see {@code BENCHMARKS.md} for the
 * exact commands and figures. {@link dev.maasfin.examples.bench.TrainerOverheadBenchmark} compares
 * one training epoch of the volatility LSTM through {@code ModelTrainer} with a minimal DJL loop
 * (figures in {@code BENCHMARKS.md}).
 */
package dev.maasfin.examples.bench;
