// SPDX-License-Identifier: Apache-2.0
/**
 * Deep models for maasfin on Deep Java Library (DJL) with the PyTorch engine.
 *
 * <p>Every class in this module obtains DJL's engine through {@link
 * dev.maasfin.djl.engine.Engines#ensureLoaded()}, which opts out of DJL's usage tracking before the
 * engine first loads. Only primitive arrays and maasfin types cross this module's public API; no
 * DJL {@code NDArray} escapes it.
 */
package dev.maasfin.djl;
