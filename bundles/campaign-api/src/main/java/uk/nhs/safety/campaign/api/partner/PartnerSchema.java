package uk.nhs.safety.campaign.api.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.nhs.safety.campaign.api.CampaignException;

/**
 * The rules a partner's migration scripts meet, written once: core's {@link PartnerStore} applies them before it runs
 * a script, and the partner test kit applies the same code, so a script the partner's unit tests accept is one core
 * accepts at install. A partner id is 1 to 31 lower-case letters, digits or hyphens starting with a letter; every
 * table, index, view, sequence or constraint a script creates, changes, fills or references carries the partner's
 * prefix (its id with hyphens as underscores, then {@code _}). Since 1.3.
 */
public final class PartnerSchema {

    private static final Pattern PARTNER_ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final String NAME = "(\"?[A-Za-z_][A-Za-z0-9_.]*\"?)";
    /** The statements that name an object, and the group holding the name. */
    private static final List<Pattern> NAMED = List.of(
            Pattern.compile("\\bCREATE\\s+(?:UNIQUE\\s+)?(?:TABLE|INDEX|VIEW|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
                    + NAME, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:ALTER|DROP)\\s+(?:TABLE|INDEX|VIEW|SEQUENCE)\\s+(?:IF\\s+EXISTS\\s+)?" + NAME,
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bON\\s+" + NAME + "\\s*\\(", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bREFERENCES\\s+" + NAME, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bCONSTRAINT\\s+" + NAME, Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+" + NAME,
                    Pattern.CASE_INSENSITIVE));

    private PartnerSchema() {
    }

    /**
     * The prefix of a partner's objects: {@code my-body} gives {@code my_body_}.
     *
     * @throws CampaignException when the id is malformed, quoting it
     */
    public static String prefix(String partnerId) {
        if (partnerId == null || !PARTNER_ID.matcher(partnerId).matches()) {
            throw new CampaignException("partner id '" + partnerId
                    + "': must be 1 to 31 lower-case letters, digits or hyphens, starting with a letter");
        }
        return partnerId.replace('-', '_') + "_";
    }

    /** The database products a script may have a variant for, in lower case: see {@link #variant}. Since 1.4. */
    public static final List<String> PRODUCTS = List.of("h2", "postgresql");

    /**
     * Where a script's variant for {@code product} is: {@code postgresql/V2__x.sql} beside {@code V2__x.sql}. A script
     * the index lists runs as its variant on that database when the variant exists (e.g. for a {@code COLLATE} that
     * H2 does not know), and as itself everywhere else; both keep the script's version. Since 1.4.
     *
     * @param product the product as JDBC or {@link PartnerDatabase#product()} names it ({@code PostgreSQL}), any case
     * @param script  the script's name as the index lists it
     */
    public static String variant(String product, String script) {
        return product.toLowerCase(Locale.ROOT) + "/" + script;
    }

    /**
     * Splits a script into the statements core runs: at semicolons outside single quotes, with {@code --} comments
     * dropped. Enough for plain DDL and inserts (no procedural blocks).
     */
    public static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (!quoted && ch == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
            } else if (!quoted && ch == ';') {
                add(statements, current);
            } else {
                if (ch == '\'') {
                    quoted = !quoted;
                }
                current.append(ch);
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    /**
     * Refuses a script that names any table, index, view, sequence or constraint outside the partner's prefix.
     *
     * @param partnerId  the partner's id
     * @param script     the script's file name, for the message
     * @param statements the script's statements ({@link #statements})
     * @throws CampaignException naming the script, every object outside the prefix, and the prefix
     */
    public static void checkNames(String partnerId, String script, List<String> statements) {
        String prefix = prefix(partnerId);
        List<String> outside = new ArrayList<>();
        for (String statement : statements) {
            for (Pattern p : NAMED) {
                Matcher m = p.matcher(statement);
                while (m.find()) {
                    String name = m.group(1).replace("\"", "");
                    String bare = name.substring(name.lastIndexOf('.') + 1);
                    if (!bare.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                        outside.add(bare);
                    }
                }
            }
        }
        if (!outside.isEmpty()) {
            throw new CampaignException("migration " + script + " names " + String.join(", ",
                    outside.stream().distinct().toList()) + ": every object a partner creates or changes must be"
                    + " named with its prefix '" + prefix + "'");
        }
    }
}
