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

    @Test
    void escapesTheFiveHtmlSpecialCharactersAndNothingElse() {
        assertThat(Texts.html("Falls & pressure ulcers")).isEqualTo("Falls &amp; pressure ulcers");
        assertThat(Texts.html("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Texts.html("a \"quoted\" title")).isEqualTo("a &quot;quoted&quot; title");
        assertThat(Texts.html("&amp;")).isEqualTo("&amp;amp;");
        assertThat(Texts.html("Café £18m — done\nnext")).isEqualTo("Café £18m — done\nnext");
        assertThat(Texts.html(null)).isEmpty();
    }
}
