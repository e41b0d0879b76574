// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion over one registry root, across threads of this JVM and across processes.
 *
 * <p>A file lock ({@link FileChannel#lock()}) excludes other processes but is held per JVM, so a
 * second thread asking for it would get an {@code OverlappingFileLockException}; a JVM-wide {@link
 * ReentrantLock} per root therefore serialises threads first. Thread-safe.
 */
final class RegistryLock {

    static final String LOCK_FILE = ".registry.lock";

    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock jvmLock;

    RegistryLock(Path root) {
        this.lockFile = root.resolve(LOCK_FILE);
        this.jvmLock = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} while holding both the JVM lock and the file lock. */
    <T> T withLock(Locked<T> work) throws IOException {
        jvmLock.lock();
        try (FileChannel ch =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock fileLock = ch.lock();
            try {
                return work.run();
            } finally {
                fileLock.release();
            }
        } finally {
            jvmLock.unlock();
        }
    }
}
