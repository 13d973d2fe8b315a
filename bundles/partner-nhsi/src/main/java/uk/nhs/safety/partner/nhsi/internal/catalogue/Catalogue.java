package uk.nhs.safety.partner.nhsi.internal.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import uk.nhs.safety.campaign.api.OrganisationType;

/**
 * One version of the national patient-safety catalogue: the components of the national system, the priorities a
 * plan can align with, the incident categories of the reporting system, the Never Events list and the Patient
 * Safety Collaboratives. Data, loaded from a bundled JSON file ({@link CatalogueLoader}); never edited in code.
 *
 * @param version            the version, e.g. {@code 2023.1}
 * @param published          when this version was published (the newest is the default)
 * @param title              a title
 * @param source             where the facts come from
 * @param components         the parts of the national system (strategy, PSIRF, reporting, alerts, …)
 * @param priorities         the priorities a member's plan is aligned with
 * @param incidentCategories the incident categories an incident file may use
 * @param neverEvents        the Never Events list
 * @param collaboratives     the Patient Safety Collaboratives
 */
public record Catalogue(String version, LocalDate published, String title, String source, List<Component> components,
                        List<Priority> priorities, List<IncidentCategory> incidentCategories,
                        List<NeverEvent> neverEvents, List<Collaborative> collaboratives) {
    public Catalogue {
        components = List.copyOf(components);
        priorities = List.copyOf(priorities);
        incidentCategories = List.copyOf(incidentCategories);
        neverEvents = List.copyOf(neverEvents);
        collaboratives = List.copyOf(collaboratives);
    }

    /**
     * A part of the national patient-safety system.
     *
     * @param key         stable key
     * @param name        its name
     * @param since       when it started (yyyy-mm)
     * @param description what it is
     */
    public record Component(String key, String name, String since, String description) {
    }

    /**
     * What makes an organisation expected to address a priority from its own incident data.
     *
     * @param categories      incident category keys
     * @param minIncidents    at least this many incidents (any harm) in those categories over the alignment window
     * @param minSharePercent and at least this share (%) of all the member's incidents in the window (0: any share)
     */
    public record Trigger(List<String> categories, int minIncidents, double minSharePercent) {
        public Trigger {
            categories = List.copyOf(categories);
        }
    }

    /**
     * A national priority a plan can address.
     *
     * @param key         stable key
     * @param name        its name
     * @param component   the key of the component it belongs to
     * @param description what it asks for
     * @param focusAreas  campaign focus-area codes that count as addressing it
     * @param keywords    lower-case words or word beginnings that count when they begin a word of the plan's aim,
     *                    drivers, change ideas or measures
     * @param appliesTo   organisation types it applies to
     * @param expectedFor organisation types expected to address it whatever their incident data
     * @param trigger     incident data that makes an organisation it applies to expected to address it, or null
     */
    public record Priority(String key, String name, String component, String description, List<String> focusAreas,
                           List<String> keywords, List<OrganisationType> appliesTo, List<OrganisationType> expectedFor,
                           Trigger trigger) {
        public Priority {
            focusAreas = List.copyOf(focusAreas);
            keywords = List.copyOf(keywords);
            appliesTo = List.copyOf(appliesTo);
            expectedFor = List.copyOf(expectedFor);
        }
    }

    /**
     * An incident category.
     *
     * @param key   stable key, what a file should use (the label is accepted too)
     * @param label the reporting system's wording
     * @param nrls  whether the NRLS uses it (false for a campaign extension)
     * @param note  a note, or null
     */
    public record IncidentCategory(String key, String label, boolean nrls, String note) {
    }

    /**
     * An entry of the Never Events list.
     *
     * @param number its number on the list
     * @param group  surgical, medication, mental health or general
     * @param name   its name as the list gives it
     */
    public record NeverEvent(int number, String group, String name) {
    }

    /**
     * A Patient Safety Collaborative.
     *
     * @param key           stable key
     * @param name          its name
     * @param host          the Academic Health Science Network that hosts it
     * @param covers        the area it covers, in words
     * @param regions       the member regions (as core names them) it covers, wholly or in part
     * @param postcodeAreas postcode areas (the leading letters of a postcode) it covers
     */
    public record Collaborative(String key, String name, String host, String covers, List<String> regions,
                                List<String> postcodeAreas) {
        public Collaborative {
            regions = List.copyOf(regions);
            postcodeAreas = List.copyOf(postcodeAreas);
        }
    }

    /** The priority with this key. */
    public Optional<Priority> priority(String key) {
        return priorities.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The collaborative with this key. */
    public Optional<Collaborative> collaborative(String key) {
        return collaboratives.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The category a file names, by key or label, ignoring case, spaces and punctuation. */
    public Optional<IncidentCategory> category(String text) {
        String n = normalise(text);
        return incidentCategories.stream()
                .filter(c -> normalise(c.key()).equals(n) || normalise(c.label()).equals(n)).findFirst();
    }

    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
