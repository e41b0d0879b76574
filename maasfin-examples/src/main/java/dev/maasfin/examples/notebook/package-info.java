// SPDX-License-Identifier: Apache-2.0
/**
 * Starts the JShell notebooks in {@code maasfin-examples/notebooks} with the project's class path,
 * interactively or headless ({@code --batch}), so a reader can walk through the forecast, fraud,
 * credit and price-pattern tutorials step by step.
 */
package dev.maasfin.examples.notebook;
