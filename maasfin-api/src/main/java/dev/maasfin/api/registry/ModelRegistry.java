// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.api.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A versioned store of model artifacts (directories of files) with stages and an audit trail.
 *
 * <p>Contract every implementation meets:
 *
 * <ul>
 *   <li>{@link #publish} returns only when the new version is complete, checksummed and loadable; a
 *       version is never visible half-written, and concurrent publishers (threads or processes)
 *       never receive the same number.
 *   <li>A stage holds at most one version at any instant, and a reader never observes zero or two
 *       holders during a change. Stage names are case-insensitive (stored lower case).
 *   <li>{@link #load} verifies every file against the version's SHA-256 manifest and refuses an
 *       altered artifact, naming the file and both digests.
 *   <li>Every change is appended to an audit log recording time, action, version, stage, who and
 *       why; {@link #liveAt} answers from that log.
 * </ul>
 *
 * <p>Model names are 1 to 100 characters of letters, digits, {@code .}, {@code _} and {@code -},
 * starting with a letter or digit. Stage names follow the same rule and are compared ignoring case;
 * {@code archived} and {@code none} are reserved. Implementations state their thread safety; the
 * file-system implementation is safe across threads and processes.
 */
public interface ModelRegistry {

    /**
     * Copies {@code sourceDir} into the registry as the next version of {@code name}.
     *
     * @param name the model name
     * @param sourceDir an existing directory holding the artifact's files
     * @param metadata caller metadata stored with the version (not personal data)
     * @param who who publishes, recorded in the audit log
     * @param reason why, recorded in the audit log
     * @return the complete, loadable version
     * @throws IllegalArgumentException if {@code name} is invalid, or {@code sourceDir} does not
     *     exist or is not a directory (the message names the path)
     * @throws ArtifactException if the artifact cannot be copied or fails verification
     */
    ModelVersion publish(
            String name, Path sourceDir, Map<String, String> metadata, String who, String reason)
            throws ArtifactException;

    /**
     * Lists every complete version of {@code name}, oldest first.
     *
     * @param name the model name
     * @return the versions, empty if the model has none
     * @throws IllegalArgumentException if {@code name} is invalid
     * @throws ArtifactException if the registry cannot be read
     */
    List<ModelVersion> list(String name) throws ArtifactException;

    /**
     * Returns the highest published version number of {@code name}.
     *
     * @param name the model name
     * @return the latest version, or empty if none was published
     * @throws IllegalArgumentException if {@code name} is invalid
     * @throws ArtifactException if the registry cannot be read
     */
    OptionalInt latest(String name) throws ArtifactException;

    /**
     * Verifies a version and returns the directory holding its files (read-only by convention).
     *
     * @param name the model name
     * @param version the version number
     * @return the verified artifact directory
     * @throws IllegalArgumentException if {@code name} is invalid or the version does not exist
     * @throws ArtifactException if a file is missing, extra or altered, or a required signature
     *     does not verify (the message says which)
     */
    Path load(String name, int version) throws ArtifactException;

    /**
     * Moves {@code version} into {@code stage}, archiving the previous holder in the same step.
     *
     * @param name the model name
     * @param version an existing version
     * @param stage the stage name, any case
     * @param who who promotes, recorded in the audit log
     * @param reason why, recorded in the audit log
     * @throws IllegalArgumentException if the name, stage or version is invalid or unknown
     * @throws ArtifactException if the change cannot be stored
     */
    void promote(String name, int version, String stage, String who, String reason)
            throws ArtifactException;

    /**
     * Returns {@code stage} to the version that held it before the current holder.
     *
     * @param name the model name
     * @param stage the stage name, any case
     * @param who who rolls back, recorded in the audit log
     * @param reason why, recorded in the audit log
     * @return the version that holds the stage afterwards
     * @throws IllegalStateException if the stage has no previous holder
     * @throws ArtifactException if the change cannot be stored
     */
    int rollback(String name, String stage, String who, String reason) throws ArtifactException;

    /**
     * Returns the version that holds {@code stage} now.
     *
     * @param name the model name
     * @param stage the stage name, any case
     * @return the holder, or empty if the stage is empty
     * @throws ArtifactException if the registry cannot be read
     */
    OptionalInt current(String name, String stage) throws ArtifactException;

    /**
     * Verifies and returns the artifact directory of the version that holds {@code stage} now.
     *
     * <p>Reads the holder, then loads it; a promotion in between may make the result one change
     * old, which is the same as having loaded it a moment earlier.
     *
     * @param name the model name
     * @param stage the stage name, any case
     * @return the verified artifact directory of the current holder
     * @throws IllegalStateException if the stage is empty
     * @throws ArtifactException if the holder fails verification
     */
    default Path loadCurrent(String name, String stage) throws ArtifactException {
        int version =
                current(name, stage)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "stage " + stage + " of " + name + " is empty"));
        return load(name, version);
    }

    /**
     * Answers which version held {@code stage} at instant {@code t}, from the audit log.
     *
     * <p>A change made at exactly {@code t} counts as in effect at {@code t}.
     *
     * @param name the model name
     * @param stage the stage name, any case
     * @param t the instant asked about
     * @return the holder at {@code t}, or empty if the stage was empty then
     * @throws ArtifactException if the audit log cannot be read
     */
    OptionalInt liveAt(String name, String stage, Instant t) throws ArtifactException;

    /**
     * Returns the audit log of {@code name}, oldest first.
     *
     * @param name the model name
     * @return every recorded change
     * @throws ArtifactException if the audit log cannot be read
     */
    List<AuditEntry> auditLog(String name) throws ArtifactException;

    /**
     * Deletes all but the newest {@code keepLast} versions, never deleting a stage holder.
     *
     * @param name the model name
     * @param keepLast how many of the newest versions to keep, at least 1
     * @param who who applies retention, recorded in the audit log
     * @param reason why, recorded in the audit log
     * @return the deleted version numbers, ascending
     * @throws IllegalArgumentException if {@code keepLast} is below 1
     * @throws ArtifactException if a version cannot be deleted
     */
    List<Integer> retain(String name, int keepLast, String who, String reason)
            throws ArtifactException;

    /**
     * Returns one version's listing entry.
     *
     * @param name the model name
     * @param version the version number
     * @return the version, or empty if it does not exist
     * @throws ArtifactException if the registry cannot be read
     */
    Optional<ModelVersion> find(String name, int version) throws ArtifactException;
}
