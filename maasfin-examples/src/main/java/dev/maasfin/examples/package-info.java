// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code maasfin} command-line tool: runnable demos of the SDK on the real data sets, and the
 * entry point of the README's main job.
 */
package dev.maasfin.examples;
