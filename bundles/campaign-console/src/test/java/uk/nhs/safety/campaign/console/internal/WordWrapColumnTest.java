package uk.nhs.safety.campaign.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.support.table.ShellTable;
import org.junit.jupiter.api.Test;

class WordWrapColumnTest {

    @Test
    void keepsEveryCharacterWhenAWordEndsExactlyAtTheWidth() {
        // "publish" ends at column 20 of the first line: Karaf's own wrap printed "publis".
        String text = "Review and then publish a monthly bulletin";
        assertThat(WordWrapColumn.lines(text, 20)).containsExactly("Review and then", "publish a monthly", "bulletin");
        assertThat(String.join(" ", WordWrapColumn.lines(text, 20))).isEqualTo(text);
    }

    @Test
    void splitsWordsLongerThanTheWidthAndKeepsLineBreaks() {
        assertThat(WordWrapColumn.lines("abcdefghij xy\nnext", 4)).containsExactly("abcd", "efgh", "ij", "xy", "next");
    }

    @Test
    void printsWrappedCellsInATable() {
        ShellTable table = new ShellTable();
        table.column("Key");
        table.column(new WordWrapColumn("Text", 19));
        table.addRow().addContent("S2", "harm or above at the weekly panel and publish a bulletin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("S2  | harm or above at").contains("| and publish a").contains("| bulletin");
    }
}
