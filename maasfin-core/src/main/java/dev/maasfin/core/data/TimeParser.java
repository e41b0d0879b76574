// SPDX-License-Identifier: Apache-2.0
package dev.maasfin.core.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses bar times to epoch milliseconds. Zone-less formats allocate nothing per row (the offset of
 * a daylight-saving zone is cached per local day); zoned date-times go through {@code
 * ZonedDateTime}. A local time in a daylight-saving gap moves forward by the gap and one in an
 * overlap takes the earlier offset, as {@code ZonedDateTime.of} does. Not thread-safe: one parser
 * per load (it caches the last day's offset).
 */
final class TimeParser {
    private final TimeFormat format;
    private final ZoneId zone;
    private final ZoneOffset fixedOffset;
    private long cachedDay = Long.MIN_VALUE;
    private int cachedOffset;
    private boolean cachedDayUniform;

    TimeParser(TimeFormat format, ZoneId zone) {
        if (format == TimeFormat.AUTO) {
            throw new IllegalArgumentException("format must be detected before parsing");
        }
        this.format = format;
        this.zone = zone;
        this.fixedOffset =
                zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
    }

    TimeFormat format() {
        return format;
    }

    /** Returns the one format {@code text} matches, or {@code null} if none or several match. */
    static TimeFormat detect(String text) {
        int n = text.length();
        if (n == 0) {
            return null;
        }
        if (allDigits(text, 0, n)) {
            if (n >= 9 && n <= 11) {
                return TimeFormat.EPOCH_SECONDS;
            }
            return n >= 12 && n <= 14 ? TimeFormat.EPOCH_MILLIS : null;
        }
        if (text.indexOf('/') > 0) {
            return text.matches("\\d{1,2}/\\d{1,2}/\\d{4}") ? TimeFormat.US_DATE : null;
        }
        if (!isIsoDate(text)) {
            return null;
        }
        if (n == 10) {
            return TimeFormat.ISO_DATE;
        }
        if (text.matches(".{10}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?")) {
            return TimeFormat.ISO_LOCAL_DATE_TIME;
        }
        return text.matches(".{10}[T ]\\d{2}:\\d{2}.*([Zz]|[+-]\\d{2}:\\d{2})(\\[.+])?")
                ? TimeFormat.ISO_ZONED_DATE_TIME
                : null;
    }

    /**
     * Parses one time.
     *
     * @throws DateTimeException or NumberFormatException if {@code text} does not match the format
     *     or names an impossible date
     */
    long parse(String text) {
        switch (format) {
            case ISO_DATE:
                return startOfDay(parseIsoDate(text));
            case US_DATE:
                return startOfDay(parseUsDate(text));
            case ISO_LOCAL_DATE_TIME:
                return parseLocalDateTime(text);
            case ISO_ZONED_DATE_TIME:
                return parseZoned(text);
            case EPOCH_SECONDS:
                return Math.multiplyExact(Long.parseLong(text), 1000L);
            case EPOCH_MILLIS:
                return Long.parseLong(text);
            default:
                throw new IllegalStateException("unexpected format " + format);
        }
    }

    private static boolean isIsoDate(String s) {
        return s.length() >= 10
                && allDigits(s, 0, 4)
                && s.charAt(4) == '-'
                && allDigits(s, 5, 7)
                && s.charAt(7) == '-'
                && allDigits(s, 8, 10);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseIsoDate(String s) {
        if (s.length() != 10 || !isIsoDate(s)) {
            throw new DateTimeException("expected YYYY-MM-DD");
        }
        return epochDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
    }

    private static long parseUsDate(String s) {
        int a = s.indexOf('/');
        int b = a < 0 ? -1 : s.indexOf('/', a + 1);
        if (a < 1 || a > 2 || b - a < 2 || b - a > 3 || s.length() - b != 5) {
            throw new DateTimeException("expected M/D/YYYY");
        }
        return epochDay(digits(s, b + 1, s.length()), digits(s, 0, a), digits(s, a + 1, b));
    }

    private long parseLocalDateTime(String s) {
        int n = s.length();
        boolean shapeOk =
                isIsoDate(s)
                        && n >= 16
                        && (s.charAt(10) == ' ' || s.charAt(10) == 'T')
                        && s.charAt(13) == ':'
                        && (n == 16 || (n >= 19 && s.charAt(16) == ':'))
                        && (n <= 19 || (s.charAt(19) == '.' && n > 20 && n <= 29));
        if (!shapeOk) {
            throw new DateTimeException("expected YYYY-MM-DD HH:MM[:SS[.fraction]]");
        }
        long day = epochDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        int hour = checkRange(digits(s, 11, 13), 23, "hour");
        int minute = checkRange(digits(s, 14, 16), 59, "minute");
        int second = n >= 19 ? checkRange(digits(s, 17, 19), 59, "second") : 0;
        int millis = n > 20 ? fractionMillis(s, 20, n) : 0;
        long localSeconds = day * 86_400L + hour * 3600L + minute * 60L + second;
        return (localSeconds - offsetSeconds(localSeconds)) * 1000L + millis;
    }

    /**
     * Returns the zone's offset at a local time. For zones with daylight saving the offset is
     * looked up once per local day and reused for the day's rows when it is the same at the day's
     * first and last second; only a day with a transition looks up every row.
     */
    private int offsetSeconds(long localEpochSeconds) {
        if (fixedOffset != null) {
            return fixedOffset.getTotalSeconds();
        }
        long day = Math.floorDiv(localEpochSeconds, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedOffset = lookupOffset(day * 86_400L);
            cachedDayUniform = cachedOffset == lookupOffset(day * 86_400L + 86_399L);
        }
        return cachedDayUniform ? cachedOffset : lookupOffset(localEpochSeconds);
    }

    private int lookupOffset(long localEpochSeconds) {
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(localEpochSeconds, 0, ZoneOffset.UTC);
        return zone.getRules().getOffset(ldt).getTotalSeconds();
    }

    private static long parseZoned(String s) {
        String iso =
                s.length() > 10 && s.charAt(10) == ' '
                        ? s.substring(0, 10) + 'T' + s.substring(11)
                        : s;
        return ZonedDateTime.parse(iso, DateTimeFormatter.ISO_ZONED_DATE_TIME)
                .toInstant()
                .toEpochMilli();
    }

    private long startOfDay(long epochDay) {
        long localSeconds = epochDay * 86_400L;
        return localSeconds * 1000L - offsetSeconds(localSeconds) * 1000L;
    }

    private static int fractionMillis(String s, int from, int to) {
        if (!allDigits(s, from, to)) {
            throw new DateTimeException("fraction of a second must be digits");
        }
        int end = Math.min(to, from + 3);
        int ms = digits(s, from, end);
        for (int i = end - from; i < 3; i++) {
            ms *= 10;
        }
        return ms;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("'" + c + "' is not a digit");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int checkRange(int v, int max, String what) {
        if (v > max) {
            throw new DateTimeException(what + " " + v + " is out of range 0.." + max);
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date, checking month and day ranges. */
    static long epochDay(int year, int month, int day) {
        if (month < 1 || month > 12) {
            throw new DateTimeException("month " + month + " is out of range 1..12");
        }
        if (day < 1 || day > lengthOfMonth(year, month)) {
            throw new DateTimeException(
                    "day " + day + " is out of range 1.." + lengthOfMonth(year, month));
        }
        // Shift the year to start in March so that the leap day is the year's last day.
        long y = month <= 2 ? year - 1L : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int shiftedMonth = month > 2 ? month - 3 : month + 9;
        long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
