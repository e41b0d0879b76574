// SPDX-License-Identifier: Apache-2.0
/**
 * Contracts for trained models: their kind, batch scoring over primitive {@code float} arrays, and
 * per-epoch training progress. JDK only; implementations live in {@code maasfin-djl}.
 */
package dev.maasfin.api.model;
