// SPDX-License-Identifier: Apache-2.0
/** Train/validation/test partitions of row indices that respect time order. */
package dev.maasfin.api.split;
