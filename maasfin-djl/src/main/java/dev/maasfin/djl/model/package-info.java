// SPDX-License-Identifier: Apache-2.0
/**
 * Network architectures ({@link dev.maasfin.djl.model.NetworkSpec} implementations) and the fitted
 * network ({@link dev.maasfin.djl.model.NeuralModel}) with its scoring views: dense autoencoder
 * anomaly detector, MLP classifier, recurrent (LSTM/GRU) forecaster.
 *
 * <p>Scoring takes and returns primitive {@code float} arrays; every DJL array lives in an {@code
 * NDManager} scope that closes before the call returns.
 */
package dev.maasfin.djl.model;
