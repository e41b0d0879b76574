// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.djl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** Device selection, including reference case 12 (no GPU on this host). */
class DeviceSpecTest {

    @Test
    void parse_ofEachForm_givesKindAndIndex() {
        assertEquals(DeviceSpec.cpu(), DeviceSpec.parse(" CPU "));
        assertEquals(DeviceSpec.auto(), DeviceSpec.parse("auto"));
        assertEquals(DeviceSpec.gpu(0), DeviceSpec.parse("gpu"));
        assertEquals(2, DeviceSpec.parse("gpu:2").gpuIndex());
        assertEquals("gpu:2", DeviceSpec.parse("GPU:2").toString());
    }

    @Test
    void parse_ofUnknownText_namesTheValueAndTheForms() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("tpu"));
        assertEquals("device must be cpu, gpu, gpu:N or auto but was 'tpu'", e.getMessage());

        IllegalArgumentException n =
                assertThrows(IllegalArgumentException.class, () -> DeviceSpec.parse("gpu:-1"));
        assertEquals("gpu index must be >= 0 but was -1", n.getMessage());
    }

    @Test
    void case12_onCpuOnlyHost_defaultDeviceIsCpuAndGpuCountZero() {
        EngineInfo info = Engines.ensureLoaded();

        // Reference case 12: no GPU -> default device cpu(), GPU count 0.
        assertEquals(0, info.gpuCount());
        assertEquals(Device.cpu(), Engines.engine().defaultDevice());
        assertEquals(Device.cpu(), DeviceSpec.auto().resolve());
        assertEquals(Device.cpu(), DeviceSpec.cpu().resolve());
    }

    @Test
    void case12_requestingGpuOnCpuOnlyHost_failsNamingRequestAndCount() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> DeviceSpec.parse("gpu").resolve());

        assertTrue(
                e.getMessage()
                        .startsWith(
                                "device gpu:0 was requested but the PyTorch engine"
                                        + " reports 0 GPU(s)"),
                e.getMessage());
    }

    @Test
    void resolve_withTwoGpus_picksGpuForAutoAndRejectsIndexTwo() {
        assertEquals(Device.gpu(0), DeviceSpec.auto().resolve(2));
        assertEquals(Device.gpu(1), DeviceSpec.gpu(1).resolve(2));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> DeviceSpec.gpu(2).resolve(2));
        assertTrue(e.getMessage().contains("device gpu:2 was requested"), e.getMessage());
    }
}
