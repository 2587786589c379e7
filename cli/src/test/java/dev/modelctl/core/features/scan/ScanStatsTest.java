package dev.modelctl.core.features.scan;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScanStatsTest {
    private static String summary(int scanned) {
        ScanStats stats = new ScanStats();
        stats.scanned.set(scanned);
        return stats.describe(1_048_576);
    }

    @Test
    void theFileCountIsGroupedInThreesWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // String.format("%,d") printed "1.204 files" here
            assertEquals("0 files", summary(0));
            assertEquals("1 file", summary(1));
            assertEquals("999 files", summary(999));
            assertEquals("1,000 files", summary(1000));
            assertEquals("1,204 files", summary(1204));
            assertEquals("123,456 files", summary(123_456));
            assertEquals("1,000,000 files", summary(1_000_000));
            assertEquals("2,147,483,647 files", summary(Integer.MAX_VALUE));
        } finally {
            Locale.setDefault(before);
        }
    }
}
