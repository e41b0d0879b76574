// SPDX-License-Identifier: Apache-2.0
/**
 * Contracts of a scoring pipeline that need no implementation: the {@link
 * dev.maasfin.api.pipeline.ColumnSpec} of one model input column (name, allowed range, whether it
 * derives from personal data).
 */
package dev.maasfin.api.pipeline;
