// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputDecoderTest {

    @Test
    void identity_returnsTheOutputBitForBit() {
        OutputDecoder d = OutputDecoder.identity();

        for (float y : new float[] {0.1f, -0.0f, Float.MIN_VALUE, Float.NaN, 1e30f}) {
            assertEquals(Float.floatToRawIntBits(y), Float.floatToRawIntBits(d.decode(y, 5.0)));
        }
        assertTrue(d.isIdentity());
        assertEquals(Optional.empty(), d.anchorColumn());
    }

    @Test
    void logRatioToFeature_isAnchorTimesExpOutputTimesFactor() {
        OutputDecoder d = OutputDecoder.logRatioToFeature("rv20", 1.5, 1e-4);

        // by hand: y = 0 gives 0.01 * 1 * 1.5 = 0.015; y = ln 2 (as a float, 0.6931472) gives
        // 0.01 * 2.0000000 * 1.5 = 0.030000 (to float's 7 digits)
        assertEquals(0.015f, d.decode(0.0f, 0.01), 0.0f);
        assertEquals(0.03f, d.decode((float) Math.log(2), 0.01), 1e-8f);
    }

    @Test
    void logRatioToFeature_raisesValuesBelowTheFloorToIt() {
        OutputDecoder d = OutputDecoder.logRatioToFeature("rv20", 1.0, 1e-4);

        // 0.001 * exp(-5) = 6.7e-6 lies below the floor 1e-4
        assertEquals(1e-4f, d.decode(-5.0f, 0.001), 0.0f);
    }

    @Test
    void linear_isScaleTimesOutputPlusShift_floored() {
        OutputDecoder d = OutputDecoder.linear(0.5, 2.0, Double.NEGATIVE_INFINITY);
        OutputDecoder floored = OutputDecoder.linear(0.5, 2.0, 0.0);

        // by hand: 0.5 * 3 + 2 = 3.5; 0.5 * -10 + 2 = -3 (no floor) or 0 (floor 0)
        assertEquals(3.5f, d.decode(3.0f, Double.NaN), 0.0f);
        assertEquals(-3.0f, d.decode(-10.0f, Double.NaN), 0.0f);
        assertEquals(0.0f, floored.decode(-10.0f, Double.NaN), 0.0f);
    }

    @Test
    void json_roundTripsEveryKindExactly() {
        OutputDecoder[] all = {
            OutputDecoder.identity(),
            OutputDecoder.linear(0.1 + 0.2, -1e-300, Double.NEGATIVE_INFINITY),
            OutputDecoder.linear(1.0 / 3, 0.0, Double.MIN_VALUE),
            OutputDecoder.logRatioToFeature("rv20", 1.0 + Math.ulp(1.0), 1e-4)
        };

        for (OutputDecoder d : all) {
            OutputDecoder back = OutputDecoder.fromJson(d.toJson());

            assertEquals(d, back, d.toJson());
            assertEquals(
                    Double.doubleToLongBits(d.factor()), Double.doubleToLongBits(back.factor()));
            assertEquals(Double.doubleToLongBits(d.floor()), Double.doubleToLongBits(back.floor()));
        }
    }

    @Test
    void json_recordsThatTheAnchorIsReadBeforeTheTransforms() {
        String json = OutputDecoder.logRatioToFeature("rv20", 1.0, 1e-4).toJson();

        assertTrue(json.contains("\"anchorRead\":\"raw-feature-before-transforms\""), json);
    }

    @Test
    void fromJson_refusesAnotherAnchorReading() {
        String json =
                "{\"format\":1,\"kind\":\"LOG_RATIO_TO_FEATURE\",\"anchorColumn\":\"rv20\","
                        + "\"anchorRead\":\"after-transforms\",\"factor\":1.0,\"floor\":null}";

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> OutputDecoder.fromJson(json));

        assertEquals(
                "output decoder anchorRead must be 'raw-feature-before-transforms' but was"
                        + " 'after-transforms'",
                e.getMessage());
    }

    @Test
    void fromJson_refusesAnUnknownKindAndAMissingValue() {
        IllegalArgumentException kind =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> OutputDecoder.fromJson("{\"format\":1,\"kind\":\"SQUARE\"}"));
        IllegalArgumentException scale =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                OutputDecoder.fromJson(
                                        "{\"format\":1,\"kind\":\"LINEAR\",\"shift\":0,"
                                                + "\"floor\":null}"));

        assertEquals(
                "output decoder kind must be one of [IDENTITY, LINEAR, LOG_RATIO_TO_FEATURE] but"
                        + " was 'SQUARE'",
                kind.getMessage());
        assertEquals("output decoder 'scale' must be a number but was null", scale.getMessage());
    }

    @Test
    void factories_refuseBadParameters_namingThem() {
        assertEquals(
                "factor must be finite and > 0 but was 0.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> OutputDecoder.logRatioToFeature("rv20", 0.0, 1e-4))
                        .getMessage());
        assertEquals(
                "floor must be finite or -Infinity (no floor) but was NaN",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> OutputDecoder.logRatioToFeature("rv20", 1.0, Double.NaN))
                        .getMessage());
        assertEquals(
                "anchorColumn must not be blank",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> OutputDecoder.logRatioToFeature(" ", 1.0, 1e-4))
                        .getMessage());
        assertEquals(
                "scale must be finite but was Infinity",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> OutputDecoder.linear(Double.POSITIVE_INFINITY, 0.0, 0.0))
                        .getMessage());
    }
}
