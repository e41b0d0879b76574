// SPDX-License-Identifier: Apache-2.0
/**
 * A file-system implementation of {@link dev.maasfin.api.registry.ModelRegistry}: versions
 * committed by one atomic directory rename, numbers allocated under a lock shared by threads and
 * processes, stages materialised from an append-only, fsynced audit log.
 */
package dev.maasfin.core.registry;
