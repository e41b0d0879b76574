// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/** Training losses used by the network specs; each is a mean over the batch's samples. */
final class Losses {

    private Losses() {}

    /** Mean over samples and outputs of the squared error (no 1/2 factor, unlike DJL's L2). */
    static Loss meanSquaredError() {
        return new Loss("mse") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray pred = predictions.singletonOrThrow();
                NDArray label = labels.singletonOrThrow().reshape(pred.getShape());
                return label.sub(pred).square().mean();
            }
        };
    }

    /**
     * Softmax cross-entropy over logits with per-class weights: the mean over samples of {@code
     * w[y] * -log softmax(z)[y]} (weights not renormalised; all ones gives plain cross-entropy).
     */
    static Loss weightedSoftmaxCrossEntropy(float[] classWeights) {
        float[] w = classWeights.clone();
        return new Loss("weighted-softmax-ce") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray logits = predictions.singletonOrThrow();
                NDArray y = labels.singletonOrThrow().reshape(-1).toType(DataType.INT64, false);
                NDArray oneHot = y.oneHot(w.length).toType(DataType.FLOAT32, false);
                NDArray logp = logits.logSoftmax(-1);
                NDArray weights = oneHot.mul(logits.getManager().create(w)).sum(new int[] {1});
                return oneHot.mul(logp).sum(new int[] {1}).neg().mul(weights).mean();
            }
        };
    }

    /**
     * Pinball (quantile) loss: for each quantile q and error e = y - prediction, {@code max(q e, (q
     * - 1) e)}, averaged over samples, horizons and quantiles. Output layout per sample:
     * horizon-major, quantiles inner.
     */
    static Loss pinball(float[] quantiles, int horizons) {
        float[] q = quantiles.clone();
        return new Loss("pinball") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray pred = predictions.singletonOrThrow().reshape(-1, horizons, q.length);
                NDArray y = labels.singletonOrThrow().reshape(-1, horizons, 1);
                NDArray e = y.sub(pred);
                NDArray qs = pred.getManager().create(q).reshape(1, 1, q.length);
                return e.mul(qs).maximum(e.mul(qs.sub(1))).mean();
            }
        };
    }

    /**
     * Patton's QLIKE on the log scale: for label t and output o (logs of the target and forecast
     * over a common positive anchor) and e = t - o, the mean over samples and outputs of {@code
     * exp(2e) - 2e - 1}, which equals y²/f² - ln(y²/f²) - 1 for y = a·exp(t), f = a·exp(o).
     */
    static Loss qlikeOnLogScale() {
        return new Loss("qlike-log") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                NDArray pred = predictions.singletonOrThrow();
                NDArray label = labels.singletonOrThrow().reshape(pred.getShape());
                NDArray twoE = label.sub(pred).mul(2);
                return twoE.exp().sub(twoE).sub(1).mean();
            }
        };
    }
}
