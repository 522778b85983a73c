package io.zhenggai.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A figure measured several times: its median and its spread (min..max), never a single lucky run. */
record Stats(double median, double min, double max, int n, List<Double> values) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0, List.of());
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n, List.copyOf(values));
    }

    /** Spread as a percentage of the median: (max - min) / median. */
    double spreadPercent() {
        return n < 2 || median == 0 ? 0 : (max - min) / median * 100;
    }

    boolean present() {
        return n > 0 && !Double.isNaN(median);
    }

    String format(String pattern) {
        if (!present()) {
            return "n/a";
        }
        String m = String.format(Locale.ROOT, pattern, median);
        return n < 2 ? m : m + " ±" + String.format(Locale.ROOT, "%.0f", spreadPercent() / 2) + "%";
    }
}
