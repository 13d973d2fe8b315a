package uk.nhs.safety.campaign.model.internal.ods;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import uk.nhs.safety.campaign.api.OrganisationType;

/**
 * Decides what kind of trust an ODS trust code stands for.
 *
 * <p>Names do not say reliably what a trust does ("Nottinghamshire Healthcare" runs mental-health services,
 * "Hinchingbrooke Health Care" a hospital), so known trusts are looked up in a classification file first; only
 * codes missing from it fall back to keywords in the name.
 */
public final class TrustClassifier {

    /** The classification file shipped with the bundle. */
    public static final String DEFAULT_RESOURCE = "trust-types.csv";

    private final Map<String, OrganisationType> known;

    /** Uses the classification file shipped with the bundle. */
    public TrustClassifier() {
        this(loadDefault());
    }

    /** Uses the given code → type table (codes upper case). */
    public TrustClassifier(Map<String, OrganisationType> known) {
        this.known = Map.copyOf(known);
    }

    /** The type of the trust with this code and name: the classification file first, else the name's keywords. */
    public OrganisationType classify(String odsCode, String name) {
        OrganisationType listed = odsCode == null ? null : known.get(odsCode.trim().toUpperCase(Locale.ROOT));
        return listed != null ? listed : byKeyword(name);
    }

    /** The code → type table in use. */
    public Map<String, OrganisationType> known() {
        return known;
    }

    static OrganisationType byKeyword(String name) {
        String n = name == null ? "" : name.toUpperCase(Locale.ROOT);
        if (n.contains("AMBULANCE")) {
            return OrganisationType.AMBULANCE;
        }
        if (n.contains("MENTAL HEALTH")) {
            return OrganisationType.MENTAL_HEALTH;
        }
        if (n.contains("COMMUNITY") || n.contains("CARE SERVICES")) {
            return OrganisationType.COMMUNITY;
        }
        return OrganisationType.ACUTE;
    }

    /**
     * Reads a classification file: a {@code code,type} header, then one trust a line; lines starting {@code #}
     * are comments. The file ships with the bundle, so a bad line is a build defect, reported as such.
     */
    static Map<String, OrganisationType> read(Reader in, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).setIgnoreEmptyLines(true).get();
        Map<String, OrganisationType> table = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            for (CSVRecord r : parser) {
                String code = r.get("code").toUpperCase(Locale.ROOT);
                String type = r.get("type").toUpperCase(Locale.ROOT);
                OrganisationType t;
                try {
                    t = OrganisationType.valueOf(type);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(source + " record " + r.getRecordNumber() + ": unknown type '"
                            + type + "'", e);
                }
                if (table.put(code, t) != null) {
                    throw new IllegalStateException(source + " record " + r.getRecordNumber() + ": code " + code
                            + " listed twice");
                }
            }
        }
        return table;
    }

    private static Map<String, OrganisationType> loadDefault() {
        InputStream stream = TrustClassifier.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (stream == null) {
            throw new IllegalStateException("classification resource " + DEFAULT_RESOURCE + " is missing from the bundle");
        }
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }
}
