package uk.nhs.safety.campaign.console.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.support.table.Col;

/**
 * A table column that wraps long text at word boundaries. Karaf 4.4's own {@code Col.wrap()} drops the character at
 * the wrap point when a word ends exactly at the column width ("publish" printed as "publis"), so wrapping is done
 * here instead.
 */
final class WordWrapColumn extends Col {

    private final int width;

    WordWrapColumn(String header, int width) {
        super(header);
        this.width = width;
        maxSize(width);
        wrap();
    }

    @Override
    protected List<String> wrap(String text) {
        return lines(text, width);
    }

    /** Greedy word wrap of each line of {@code text} to at most {@code width} characters; over-long words are split. */
    static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                while (word.length() > width) {
                    if (line.length() > 0) {
                        out.add(line.toString());
                        line.setLength(0);
                    }
                    out.add(word.substring(0, width));
                    word = word.substring(width);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                if (!word.isEmpty()) {
                    line.append(line.length() > 0 ? " " : "").append(word);
                }
            }
            out.add(line.toString());
        }
        return out;
    }
}
