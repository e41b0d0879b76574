// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.feature;

/**
 * The value on-balance volume takes at the first bar; the choice shifts the whole series by a
 * constant. Thread safety: immutable enum.
 */
public enum ObvStart {
    /** TA-Lib (default): OBV at bar 0 is bar 0's volume. */
    FIRST_VOLUME,
    /** OBV at bar 0 is 0 (Stock Indicators for .NET, many charting packages). */
    ZERO
}
