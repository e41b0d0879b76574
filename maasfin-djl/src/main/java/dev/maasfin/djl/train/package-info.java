// SPDX-License-Identifier: Apache-2.0
/**
 * One trainer for every maasfin-djl network: configuration ({@link
 * dev.maasfin.djl.train.TrainerConfig}), data in primitive arrays ({@link
 * dev.maasfin.djl.train.TrainingData}) and the seeded, reproducible training loop ({@link
 * dev.maasfin.djl.train.ModelTrainer}) with early stopping and best-weights restore.
 */
package dev.maasfin.djl.train;
