// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static Configuration sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", 0.001);
        m.put("units", 32);
        m.put("optimiser", "adam");
        m.put("bidirectional", false);
        return Configuration.of(m);
    }

    @Test
    void toJson_isFlatObjectInDeclarationOrder() {
        // Written by hand: keys in insertion order, Jackson's number and boolean forms.
        assertEquals(
                "{\"lr\":0.001,\"units\":32,\"optimiser\":\"adam\",\"bidirectional\":false}",
                sample().toJson());
    }

    @Test
    void fromJson_ofToJson_givesEqualConfigurationAndSameText() {
        Configuration c = sample();
        Configuration back = Configuration.fromJson(c.toJson());
        assertEquals(c, back);
        assertEquals(c.toJson(), back.toJson());
        assertEquals(32, back.getInt("units"));
        assertEquals(0.001, back.getDouble("lr"));
    }

    @Test
    void fromJson_roundTripsSampledReals_bitForBit() {
        for (Configuration c : TuneFixtures.learningRateSpace().sample(100, 9)) {
            assertEquals(c, Configuration.fromJson(c.toJson()));
        }
    }

    @Test
    void typedGetters_widenIntToDouble_andRejectOtherTypes() {
        Configuration c = sample();
        assertEquals(32.0, c.getDouble("units"));
        var e = assertThrows(IllegalArgumentException.class, () -> c.getInt("lr"));
        assertEquals("parameter 'lr' is not an int but Double 0.001", e.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> c.getString("units"));
        assertEquals("parameter 'units' is not a string but Integer 32", s.getMessage());
    }

    @Test
    void get_ofUnknownName_namesKnownParameters() {
        var e = assertThrows(IllegalArgumentException.class, () -> sample().get("momentum"));
        assertEquals(
                "no parameter 'momentum' in configuration; known: [lr, units, optimiser,"
                        + " bidirectional]",
                e.getMessage());
    }

    @Test
    void fromJson_withNestedValue_isRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Configuration.fromJson("{\"lr\":[1,2]}"));
        assertEquals(
                "value of 'lr' must be an Integer, Double, String or Boolean but was ArrayList"
                        + " [1, 2]",
                e.getMessage());
    }

    @Test
    void of_withNaN_isRejected() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Configuration.of(Map.of("lr", Double.NaN)));
        assertEquals("value of 'lr' must be finite but was NaN", e.getMessage());
    }
}
