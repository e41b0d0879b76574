// SPDX-License-Identifier: Apache-2.0
/** Windowed samples for sequence and convolution models, built without look-ahead. */
package dev.maasfin.api.window;
