// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks payment card numbers (PANs), alone or inside free text such as log lines.
 *
 * <p>A PAN is 13 to 19 digits, optionally split by single spaces or dashes, that passes the Luhn
 * check (ISO/IEC 7812-1); other digit runs (dates, epoch milliseconds, amounts) are left as they
 * are. The default masker keeps at most the first six and the last four digits (PCI DSS 3.3):
 * numbers of 13 digits show only the last four. Separators are kept; each hidden digit becomes
 * {@code *}. Showing the first eight and last four (for 8-digit BINs) needs {@link
 * #withEightDigitBin(String)} and a stated business justification, and applies only to PANs of 16
 * or more digits. Reference: Case 21 of the project's reference cases.
 *
 * <p>Limits: in text, digit groups separated by a single space or dash are joined into candidates,
 * so a PAN written with other separators (dots, double spaces) is not recognised; a PAN that fails
 * the Luhn check (for example mistyped) is not masked; about one in ten other 13-19 digit numbers
 * (order or account numbers) passes the Luhn check by chance and is masked too, which errs on the
 * safe side. Thread-safe: immutable.
 */
public final class PanMasker {

    private static final Pattern RUN = Pattern.compile("(?<![0-9])[0-9]+(?:[ -][0-9]+)*(?![0-9])");
    private static final Pattern GROUP = Pattern.compile("[0-9]+");
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private static final PanMasker STANDARD = new PanMasker(6);

    private final int leading;

    private PanMasker(int leading) {
        this.leading = leading;
    }

    /**
     * Returns the default masker: first six and last four digits (last four only under 14 digits).
     *
     * @return the shared standard masker
     */
    public static PanMasker standard() {
        return STANDARD;
    }

    /**
     * Returns a masker that shows the first eight and last four digits of PANs with 16 or more
     * digits (the standard rule applies to shorter ones).
     *
     * @param businessJustification why more digits must be shown; recorded by the caller, must not
     *     be blank
     * @return the masker
     * @throws IllegalArgumentException if the justification is blank
     */
    public static PanMasker withEightDigitBin(String businessJustification) {
        Objects.requireNonNull(businessJustification, "businessJustification");
        if (businessJustification.isBlank()) {
            throw new IllegalArgumentException(
                    "businessJustification must state why 8 + 4 digits are shown but was blank");
        }
        return new PanMasker(8);
    }

    /**
     * Masks {@code value} if it is a PAN (13-19 digits with optional single separators, Luhn
     * valid); any other value is treated as text ({@link #maskInText}), so a PAN with surrounding
     * spaces or words is still masked and a value holding no PAN comes back unchanged.
     *
     * @param value the value, for example {@code "4000 0012 3456 7899"}
     * @return the masked value, e.g. {@code "4000 00** **** 7899"}
     */
    public String mask(String value) {
        Objects.requireNonNull(value, "value");
        return isCardNumber(value) ? maskRun(value, countDigits(value)) : maskInText(value);
    }

    /**
     * Masks every PAN found inside {@code text}, leaving everything else as it is.
     *
     * <p>Candidates are maximal runs of digits joined by single spaces or dashes; within a run, the
     * longest stretch of whole digit groups that is a Luhn-valid PAN is masked first, scanning left
     * to right.
     *
     * @param text free text such as a log line
     * @return the text with PANs masked
     */
    public String maskInText(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = RUN.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(maskCandidates(m.group()));
            last = m.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    /**
     * Tells whether {@code value} is a PAN by this class's definition.
     *
     * @param value the value
     * @return true if 13-19 digits, single spaces or dashes only between digits, and Luhn valid
     */
    public static boolean isCardNumber(String value) {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9]+(?:[ -][0-9]+)*")) {
            return false;
        }
        int n = countDigits(value);
        return n >= MIN_DIGITS && n <= MAX_DIGITS && isLuhnValid(value);
    }

    /**
     * Runs the Luhn (mod 10) check over the digits of {@code value}, ignoring other characters.
     *
     * @param value digits, possibly with separators
     * @return true if the checksum is valid and at least one digit is present
     */
    public static boolean isLuhnValid(CharSequence value) {
        int sum = 0;
        int seen = 0;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                int d = c - '0';
                if (seen % 2 == 1) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
                seen++;
            }
        }
        return seen > 0 && sum % 10 == 0;
    }

    /** Masks PAN stretches inside one run of digit groups. */
    private String maskCandidates(String run) {
        List<int[]> groups = new ArrayList<>();
        Matcher g = GROUP.matcher(run);
        while (g.find()) {
            groups.add(new int[] {g.start(), g.end()});
        }
        StringBuilder out = new StringBuilder(run);
        int i = 0;
        while (i < groups.size()) {
            int j = longestPanFrom(run, groups, i);
            if (j < 0) {
                i++;
                continue;
            }
            int from = groups.get(i)[0];
            int to = groups.get(j)[1];
            String pan = run.substring(from, to);
            out.replace(from, to, maskRun(pan, countDigits(pan)));
            i = j + 1;
        }
        return out.toString();
    }

    private static int longestPanFrom(String run, List<int[]> groups, int i) {
        for (int j = groups.size() - 1; j >= i; j--) {
            String s = run.substring(groups.get(i)[0], groups.get(j)[1]);
            int n = countDigits(s);
            if (n >= MIN_DIGITS && n <= MAX_DIGITS && isLuhnValid(s)) {
                return j;
            }
        }
        return -1;
    }

    private String maskRun(String pan, int digits) {
        int keepFirst = digits < 14 ? 0 : (leading == 8 && digits >= 16 ? 8 : 6);
        int keepFrom = digits - 4;
        StringBuilder out = new StringBuilder(pan.length());
        int d = 0;
        for (int k = 0; k < pan.length(); k++) {
            char c = pan.charAt(k);
            if (c < '0' || c > '9') {
                out.append(c);
                continue;
            }
            out.append(d < keepFirst || d >= keepFrom ? c : '*');
            d++;
        }
        return out.toString();
    }

    private static int countDigits(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "PanMasker[first " + leading + " + last 4]";
    }
}
