// SPDX-License-Identifier: Apache-2.0
/**
 * maasfin's stable contracts. This module depends on nothing but the JDK; implementations live in
 * {@code maasfin-core} and {@code maasfin-djl}.
 */
package dev.maasfin.api;
