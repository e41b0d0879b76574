// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.artifact;

import dev.maasfin.api.registry.ArtifactException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * File-system steps shared by artifact and registry code: listing, durable writes, atomic renames
 * and recursive deletion.
 *
 * <p>Durability: {@link #writeDurably} and {@link #fsyncDirectory} call {@code fsync}; directory
 * fsync is best effort (some platforms cannot open a directory for syncing and are skipped).
 * Symbolic links inside an artifact are refused, so an artifact can never point outside itself.
 * Thread-safe: stateless.
 */
public final class ArtifactFiles {

    private ArtifactFiles() {}

    /**
     * Lists every regular file below {@code dir} as a relative path with {@code /} separators,
     * sorted.
     *
     * @param dir the artifact directory
     * @return relative paths, sorted
     * @throws ArtifactException if the directory holds a symbolic link or cannot be read
     */
    public static List<String> listFiles(Path dir) throws ArtifactException {
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(
                    dir,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            String rel = relative(dir, file);
                            if (!attrs.isRegularFile()) {
                                throw new ArtifactException(
                                        "artifact entry " + rel + " is not a regular file");
                            }
                            out.add(rel);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (ArtifactException e) {
            throw e;
        } catch (IOException e) {
            throw new ArtifactException("cannot list artifact directory " + dir, e);
        }
        Collections.sort(out);
        return out;
    }

    /**
     * Returns {@code file} relative to {@code dir} with {@code /} separators.
     *
     * @param dir the base directory
     * @param file a path below it
     * @return the relative path
     */
    public static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * Resolves a relative {@code /}-separated path below {@code dir}, refusing escapes.
     *
     * @param dir the base directory
     * @param relative a relative path from a manifest or index
     * @return the resolved path
     * @throws ArtifactException if the path is absolute or leaves {@code dir}
     */
    public static Path resolveInside(Path dir, String relative) throws ArtifactException {
        Path base = dir.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        if (relative.isEmpty()
                || relative.startsWith("/")
                || !p.startsWith(base)
                || p.equals(base)) {
            throw new ArtifactException(
                    "artifact path " + relative + " must be relative and stay inside " + dir);
        }
        return p;
    }

    /**
     * Writes {@code bytes} to {@code file}, creating parents, and forces them to disk.
     *
     * @param file the target (must not exist)
     * @param bytes the content
     * @throws IOException if writing fails
     */
    public static void writeDurably(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch =
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /**
     * Replaces {@code file} atomically: writes a sibling temporary file, fsyncs it, then renames it
     * over the target, so a reader sees either the old or the new content, never a mix.
     *
     * @param file the file to replace or create
     * @param bytes the new content
     * @throws IOException if writing or the atomic rename fails
     */
    public static void replaceAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            writeDurably(tmp, bytes);
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames {@code from} to {@code to} in one atomic step and fsyncs the target's parent.
     *
     * @param from the source path
     * @param to the target path, which must not exist
     * @throws IOException if the file system cannot rename atomically or the rename fails
     */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new ArtifactException(
                    "cannot rename " + from + " to " + to + " atomically on this file system", e);
        }
        fsyncDirectory(to.toAbsolutePath().getParent());
    }

    /**
     * Forces a directory's entries to disk; a no-op where the platform cannot open directories.
     *
     * @param dir the directory
     */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the rename itself is still atomic.
        }
    }

    /**
     * Copies every regular file of {@code source} into {@code target}, fsyncing each file.
     *
     * <p>Order: data files first, then {@code .json} descriptors, each group sorted by path, so a
     * descriptor is never present without the data it describes (as DJL writes parameters before
     * its JSON).
     *
     * @param source the source directory
     * @param target the target directory (created if absent)
     * @param afterEachFile called with each relative path once that file is durable
     * @throws IOException if copying fails or {@code afterEachFile} throws
     */
    public static void copyDurably(Path source, Path target, FileCallback afterEachFile)
            throws IOException {
        List<String> order = new ArrayList<>(listFiles(source));
        order.sort(Comparator.comparing((String rel) -> rel.endsWith(".json")));
        for (String rel : order) {
            Path to = resolveInside(target, rel);
            Files.createDirectories(to.getParent());
            Files.copy(source.resolve(rel), to, LinkOption.NOFOLLOW_LINKS);
            try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            afterEachFile.accept(rel);
        }
        fsyncTree(target);
    }

    /**
     * Deletes a file or directory tree; absent paths are ignored.
     *
     * @param root the path to delete
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(
                root,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e)
                            throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    private static void fsyncTree(Path dir) throws IOException {
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) {
                        fsyncDirectory(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Receives the relative path of each file once it is durable. */
    @FunctionalInterface
    public interface FileCallback {

        /**
         * Called once per copied file.
         *
         * @param relativePath the file's path relative to the artifact root
         * @throws IOException to abort the copy
         */
        void accept(String relativePath) throws IOException;
    }
}
