package io.zhenggai.benchmark;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Zipf distribution over ranks 0..n-1: rank k is drawn with probability proportional to 1/(k+1)^s. A few
 * aggregates get most of the commands, as a few busy inspections get most of the work in a real round.
 */
public final class Zipf {
    private final double[] cumulative;

    public Zipf(int n, double exponent) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive");
        }
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
    }

    public int size() {
        return cumulative.length;
    }

    public int next(RandomGenerator random) {
        double u = random.nextDouble();
        int i = Arrays.binarySearch(cumulative, u);
        int rank = i >= 0 ? i : -i - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
