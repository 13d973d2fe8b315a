package uk.nhs.safety.campaign.model.internal.ods;

import java.io.Reader;
import java.util.List;

import uk.nhs.safety.campaign.api.ValidationException;

/** Reads an ODS trust extract (the "etr" format). Placeholder: being written on branch ods-demo. */
public final class OdsExtractParser {

    /**
     * Parses the whole extract. All or nothing: any bad row gives a {@link ValidationException} listing every
     * bad line and field.
     */
    public List<OdsRecord> parse(Reader in, String sourceName) {
        throw new UnsupportedOperationException("not written yet");
    }
}
