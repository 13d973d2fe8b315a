package uk.nhs.safety.partner.support.imports;

import java.util.List;

import uk.nhs.safety.campaign.api.partner.Importer;

/**
 * The base of a partner's importer component: what core lists about it ({@code safety:import}, the HTTP import
 * route), fixed at construction, so a partner's component only says what it imports and runs the import.
 */
public abstract class PartnerImporter implements Importer {

    private final String name;
    private final String partnerId;
    private final List<String> mediaTypes;
    private final String description;

    /**
     * @param name        the importer's name, unique on the platform
     * @param partnerId   the partner it belongs to
     * @param mediaType   the media type of the files it reads
     * @param description what a file holds and how it is imported, for the console and the API
     */
    protected PartnerImporter(String name, String partnerId, String mediaType, String description) {
        this.name = name;
        this.partnerId = partnerId;
        this.mediaTypes = List.of(mediaType);
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String partnerId() {
        return partnerId;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> mediaTypes() {
        return mediaTypes;
    }
}
