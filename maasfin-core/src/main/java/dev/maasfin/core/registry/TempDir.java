// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import dev.maasfin.core.artifact.ArtifactFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A publish's staging directory {@code .tmp-<uuid>} inside the registry root, owned through an
 * exclusive lock on the sibling file {@code .tmp-<uuid>.lock}.
 *
 * <p>The owner locks the lock file before creating the directory and keeps the lock until the
 * directory has been renamed into place or deleted. The operating system releases the lock when the
 * owning process dies, so a cleaner that can take the lock knows the directory is abandoned. Not
 * thread-safe: one publish owns one instance.
 */
final class TempDir implements AutoCloseable {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    final Path dir;
    private final Path lockFile;
    private final FileChannel channel;

    private TempDir(Path dir, Path lockFile, FileChannel channel) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
    }

    static TempDir create(Path root) throws IOException {
        String id = ".tmp-" + UUID.randomUUID();
        Path lockFile = root.resolve(id + ".lock");
        FileChannel ch =
                FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            ch.lock();
            Path dir = root.resolve(id);
            LIVE.add(dir);
            Files.createDirectory(dir);
            return new TempDir(dir, lockFile, ch);
        } catch (IOException | RuntimeException e) {
            LIVE.remove(root.resolve(id));
            ch.close();
            Files.deleteIfExists(lockFile);
            throw e;
        }
    }

    /** Deletes what is left of the directory (nothing after a commit) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            ArtifactFiles.deleteRecursively(dir);
            Files.deleteIfExists(lockFile);
        } finally {
            channel.close();
            LIVE.remove(dir);
        }
    }

    /** Deletes {@code dir} if no live owner holds its lock file. */
    static void deleteIfAbandoned(Path dir) throws IOException {
        if (LIVE.contains(dir)) {
            return;
        }
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        try (FileChannel ch =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(ch);
            if (lock != null) {
                ArtifactFiles.deleteRecursively(dir);
                Files.deleteIfExists(lockFile);
                lock.release();
            }
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by a publish in this JVM
        }
    }
}
