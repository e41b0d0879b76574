// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.registry;

import dev.maasfin.api.registry.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stage state obtained by replaying audit entries in log order.
 *
 * <p>Each stage keeps a stack of holders: a promotion pushes, a rollback pops, a retention delete
 * removes the deleted version wherever it sits below the top. The top is the current holder. Not
 * thread-safe: built and read by one thread.
 */
final class StageHistory {

    private final Map<String, List<Integer>> stacks = new TreeMap<>();
    private final Set<Integer> everHeld = new TreeSet<>();

    /** Replays every entry. */
    static StageHistory replay(List<AuditEntry> entries) {
        return replayUntil(entries, Instant.MAX);
    }

    /** Replays the entries whose time is at or before {@code t}, in log order. */
    static StageHistory replayUntil(List<AuditEntry> entries, Instant t) {
        StageHistory h = new StageHistory();
        for (AuditEntry e : entries) {
            if (!e.time().isAfter(t)) {
                h.apply(e);
            }
        }
        return h;
    }

    private void apply(AuditEntry e) {
        switch (e.action()) {
            case AuditEntry.PROMOTE -> {
                stacks.computeIfAbsent(e.stage(), s -> new ArrayList<>()).add(e.version());
                everHeld.add(e.version());
            }
            case AuditEntry.ROLLBACK -> {
                List<Integer> s = stacks.getOrDefault(e.stage(), new ArrayList<>());
                if (!s.isEmpty()) {
                    s.remove(s.size() - 1);
                }
            }
            case AuditEntry.DELETE ->
                    stacks.values().forEach(s -> s.removeIf(v -> v == e.version()));
            default -> {
                // publish does not change stages
            }
        }
    }

    /** The current holder of {@code stage}. */
    OptionalInt holder(String stage) {
        List<Integer> s = stacks.get(stage);
        return s == null || s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(s.get(s.size() - 1));
    }

    /** The holder a rollback of {@code stage} would restore. */
    Optional<Integer> previous(String stage) {
        List<Integer> s = stacks.get(stage);
        return s == null || s.size() < 2 ? Optional.empty() : Optional.of(s.get(s.size() - 2));
    }

    /** Stage → current holder, for non-empty stages. */
    Map<String, Integer> holders() {
        Map<String, Integer> out = new TreeMap<>();
        stacks.forEach(
                (stage, s) -> {
                    if (!s.isEmpty()) {
                        out.put(stage, s.get(s.size() - 1));
                    }
                });
        return out;
    }

    /** Stage → the whole holder stack, bottom first. */
    Map<String, List<Integer>> stacks() {
        return stacks;
    }

    /** Versions that held some stage at some point. */
    Set<Integer> everHeld() {
        return everHeld;
    }
}
