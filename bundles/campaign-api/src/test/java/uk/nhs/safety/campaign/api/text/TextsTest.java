package uk.nhs.safety.campaign.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void findsTheFirstControlCharacterOtherThanLineFeedAndTab() {
        assertThat(Texts.firstForbiddenControl("two\nlines\tand a tab")).isEqualTo(-1);
        assertThat(Texts.firstForbiddenControl("ab\u001b[2J")).isEqualTo(2);
        assertThat(Texts.firstForbiddenControl("a\rb")).isEqualTo(1);
        assertThat(Texts.firstForbiddenControl("\u0000")).isZero();
        assertThat(Texts.firstForbiddenControl("x\u007f")).isEqualTo(1);
        assertThat(Texts.firstForbiddenControl("x\u0085")).isEqualTo(1);
        // not controls: accented letters, the pound sign, an em dash
        assertThat(Texts.firstForbiddenControl("Café £18m — done")).isEqualTo(-1);
    }

    @Test
    void escapesEveryControlCharacterSoATextStaysOnOneLine() {
        assertThat(Texts.escape("plain text")).isEqualTo("plain text");
        assertThat(Texts.escape("one\ntwo\tthree\rfour")).isEqualTo("one\\ntwo\\tthree\\rfour");
        assertThat(Texts.escape("\u001b[31mred\u0000")).isEqualTo("\\u001B[31mred\\u0000");
        assertThat(Texts.escape(null)).isNull();
    }
}
