// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.maasfin.api.split.Split;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    @Test
    void shuffledIndices_matchProtocolCheckValues() {
        // Check values from shared/data/evaluation/README.md, first 15 shuffled indices.
        assertArrayEquals(
                new int[] {
                    1031, 77, 214, 1287, 636, 1299, 1346, 798, 303, 1042, 465, 1490, 1509, 1321,
                    1092
                },
                Arrays.copyOf(StratifiedSplit.shuffledIndices(1722, 42), 15));
        assertArrayEquals(
                new int[] {572, 653, 636, 6, 892, 569, 525, 905, 101, 25, 176, 181, 853, 309, 933},
                Arrays.copyOf(StratifiedSplit.shuffledIndices(1000, 42), 15));
        assertArrayEquals(
                new int[] {
                    24343, 4480, 6216, 4450, 10810, 7245, 13141, 9916, 7529, 17608, 13242, 16481,
                    1916, 9228, 11207
                },
                Arrays.copyOf(StratifiedSplit.shuffledIndices(30000, 42), 15));
    }

    @Test
    void split_fraud_reproducesFraudSplitCsvRowForRow() {
        // Oracle: shared/data/evaluation/fraud_split.csv (every row's part), 60/20/20 on Class.
        Map<String, List<String>> data =
                EvalFixtures.columns("creditcard-fraud/creditcard_subset.csv");
        int[] labels = data.get("Class").stream().mapToInt(Integer::parseInt).toArray();
        Split s = StratifiedSplit.split(labels, 60, 20, StratifiedSplit.PROTOCOL_SEED);

        Map<String, List<String>> oracle = EvalFixtures.columns("evaluation/fraud_split.csv");
        String[] parts = new String[labels.length];
        Arrays.stream(s.train()).forEach(i -> parts[i] = "train");
        Arrays.stream(s.validation()).forEach(i -> parts[i] = "validation");
        Arrays.stream(s.test()).forEach(i -> parts[i] = "test");
        assertEquals(1722, oracle.get("part").size());
        for (int i = 0; i < labels.length; i++) {
            assertEquals(Integer.parseInt(oracle.get("row_index").get(i)), i);
            assertEquals(oracle.get("part").get(i), parts[i], "row " + i);
            assertEquals(Integer.parseInt(oracle.get("class").get(i)), labels[i], "row " + i);
        }
        // README: the fraud test part has 99 frauds and 246 genuine rows.
        assertEquals(99, Arrays.stream(s.test()).filter(i -> labels[i] == 1).count());
        assertEquals(246, Arrays.stream(s.test()).filter(i -> labels[i] == 0).count());
    }

    @Test
    void split_german_reproducesGermanTestIndices() {
        // Oracle: shared/data/evaluation/german_test_indices.csv, 70/30, bad = class 2.
        Map<String, List<String>> data = EvalFixtures.columns("german-credit/german_credit.csv");
        int[] labels = data.get("class").stream().mapToInt(c -> c.equals("2") ? 1 : 0).toArray();
        Split s = StratifiedSplit.split(labels, 70, 0, StratifiedSplit.PROTOCOL_SEED);
        Map<String, List<String>> oracle =
                EvalFixtures.columns("evaluation/german_test_indices.csv");
        int[] expected = oracle.get("row_index").stream().mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(expected, s.test());
        assertEquals(0, s.validation().length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(Integer.parseInt(oracle.get("bad").get(k)), labels[expected[k]]);
        }
    }

    @Test
    void split_taiwan_reproducesTaiwanTestIndices() {
        // Oracle: shared/data/evaluation/taiwan_test_indices.csv, 80/20.
        Map<String, List<String>> data =
                EvalFixtures.columns("taiwan-credit-default/UCI_Credit_Card.csv");
        int[] labels =
                data.get("default.payment.next.month").stream()
                        .mapToInt(Integer::parseInt)
                        .toArray();
        Split s = StratifiedSplit.split(labels, 80, 0, StratifiedSplit.PROTOCOL_SEED);
        Map<String, List<String>> oracle =
                EvalFixtures.columns("evaluation/taiwan_test_indices.csv");
        int[] expected = oracle.get("row_index").stream().mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(expected, s.test());
    }

    @Test
    void split_handExample_takesFloorPerClassInShuffledOrder() {
        // 10 rows of class 0, 5 of class 1; 60/20: class 0 -> 6/2/2, class 1 -> 3/1/1.
        int[] labels = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        Split s = StratifiedSplit.split(labels, 60, 20, 7);
        assertEquals(9, s.train().length);
        assertEquals(3, s.validation().length);
        assertEquals(3, s.test().length);
    }

    @Test
    void split_percentagesAboveHundred_areRejected() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> StratifiedSplit.split(new int[] {0, 1}, 80, 30, 42));
        assertEquals("trainPercent + validationPercent must be <= 100 but was 110", e.getMessage());
    }
}
