// SPDX-License-Identifier: Apache-2.0
/** Reports of the demos: Markdown and JSON figures, and PNG plots drawn with XChart. */
package dev.maasfin.examples.report;
