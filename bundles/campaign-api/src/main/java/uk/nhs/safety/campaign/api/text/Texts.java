package uk.nhs.safety.campaign.api.text;

/**
 * What a stored campaign text may contain, and how to show one safely on one line of a console, log or table: the
 * rule core validates texts with, offered to partners so that their commands print stored texts the same way.
 */
public final class Texts {

    private Texts() {
    }

    /**
     * The index of the first control character other than line feed and tab (NUL, ESC, a lone carriage return,
     * DEL, the C1 controls…), or -1 when there is none. Such characters can rewrite a terminal's screen or forge
     * lines of a log, and no campaign text needs them.
     */
    public static int firstForbiddenControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text escaped for HTML element content and quoted attribute values: {@code &}, {@code <}, {@code >},
     * {@code "} and {@code '} become {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;} and {@code &#39;};
     * {@code null} becomes the empty string. Escape every stored text a partner page shows.
     *
     * @since 1.1
     */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(entity);
        }
        return out == null ? text : out.toString();
    }

    /** The text with every control character written as an escape ({@code \n}, {@code \t}, {@code \u001B}). */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) != Character.CONTROL) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
