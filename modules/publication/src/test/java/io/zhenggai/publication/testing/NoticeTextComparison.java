package io.zhenggai.publication.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares a rendered notice with the text of a real published notice, paragraph by paragraph. The source text
 * has page-break artefacts (a sentence continues after a blank line: "切" / "实担负起"); they are joined first.
 * Both texts are normalised the same way: bold markers dropped, whitespace collapsed, whitespace next to Chinese
 * characters or full-width punctuation removed ("2. 扎实" = "2.扎实"). Similarity is 1 − edit distance / longer
 * length, per paragraph (best match among the rendered paragraphs) and over the whole text.
 */
public final class NoticeTextComparison {
    private NoticeTextComparison() {
    }

    /** Starts of headings: 一、 （一） 1. — a paragraph that is a heading is never joined to the next one. */
    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\\d+[.．])");
    private static final String TERMINAL = "。！？；：”』」）)";
    /** A page-break fragment is a long paragraph cut mid-sentence; short unpunctuated lines are titles or signatures. */
    private static final int MIN_BROKEN_LENGTH = 20;

    public record ParagraphMatch(int index, String source, String bestMatch, double similarity) {
    }

    public record Report(double overall, List<ParagraphMatch> paragraphs) {

        public double minimum() {
            return paragraphs.stream().mapToDouble(ParagraphMatch::similarity).min().orElse(1.0);
        }

        /** Paragraphs of the source whose best match is below {@code threshold}. */
        public List<ParagraphMatch> below(double threshold) {
            return paragraphs.stream().filter(p -> p.similarity() < threshold).toList();
        }

        public String describe() {
            StringBuilder b = new StringBuilder(String.format("overall similarity %.4f, %d source paragraphs, minimum %.4f%n",
                    overall, paragraphs.size(), minimum()));
            for (ParagraphMatch p : paragraphs) {
                if (p.similarity() < 0.999) {
                    b.append(String.format("  #%d %.3f%n    source:   %s%n    rendered: %s%n", p.index(), p.similarity(),
                            p.source(), p.bestMatch()));
                }
            }
            return b.toString();
        }
    }

    /** The paragraphs of a source notice: page breaks joined, each normalised. */
    public static List<String> sourceParagraphs(String raw) {
        List<String> blocks = split(raw);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String current = blocks.get(i);
            while (i + 1 < blocks.size() && brokenAfter(current, joined.isEmpty()) && !HEADING.matcher(blocks.get(i + 1)).find()) {
                current = current + blocks.get(++i);
            }
            joined.add(current);
        }
        return joined;
    }

    /** The paragraphs of a rendered text (separated by blank lines), each normalised. */
    public static List<String> paragraphs(String text) {
        return split(text);
    }

    public static String normalise(String s) {
        String t = s.replace("**", "").replace('\u3000', ' ').replaceAll("\\s+", " ").strip();
        // drop whitespace that touches a CJK character or full-width punctuation
        t = t.replaceAll("(?<=[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}])\\s+", "");
        t = t.replaceAll("\\s+(?=[\\p{IsHan}\\p{InCJK_Symbols_and_Punctuation}\\p{InHalfwidth_and_Fullwidth_Forms}])", "");
        // "2. 扎实" and "2.扎实" are the same numbering
        t = t.replaceAll("^(\\d+[.．])\\s+", "$1");
        return t;
    }

    public static Report compare(String sourceRaw, String rendered) {
        List<String> source = sourceParagraphs(sourceRaw);
        List<String> ours = paragraphs(rendered);
        List<ParagraphMatch> matches = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            String p = source.get(i);
            String best = "";
            double bestScore = -1;
            for (String candidate : ours) {
                if (Math.min(p.length(), candidate.length()) < 0.5 * Math.max(p.length(), candidate.length())) {
                    continue;
                }
                double score = similarity(p, candidate);
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
                if (score == 1.0) {
                    break;
                }
            }
            matches.add(new ParagraphMatch(i, p, best, Math.max(bestScore, 0)));
        }
        double overall = similarity(String.join("\n", source), String.join("\n", ours));
        return new Report(overall, List.copyOf(matches));
    }

    /** 1 − Levenshtein distance / length of the longer text (1.0 for equal texts). */
    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int max = Math.max(a.length(), b.length());
        return max == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / max;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\\n\\s*\\n")) {
            String n = normalise(block);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean brokenAfter(String paragraph, boolean first) {
        if (first || HEADING.matcher(paragraph).find() || paragraph.length() < MIN_BROKEN_LENGTH) {
            return false;
        }
        return TERMINAL.indexOf(paragraph.charAt(paragraph.length() - 1)) < 0;
    }
}
