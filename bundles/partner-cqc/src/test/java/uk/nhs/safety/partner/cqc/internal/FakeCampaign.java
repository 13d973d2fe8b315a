package uk.nhs.safety.partner.cqc.internal;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import uk.nhs.safety.campaign.api.FocusArea;
import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.MeasureProgress;
import uk.nhs.safety.campaign.api.MeasureService;
import uk.nhs.safety.campaign.api.Measurement;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NewAction;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.NotFoundException;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.api.PlanContent;
import uk.nhs.safety.campaign.api.PlanService;
import uk.nhs.safety.campaign.api.PlanVersion;
import uk.nhs.safety.campaign.api.PledgeAction;
import uk.nhs.safety.campaign.api.PledgeService;
import uk.nhs.safety.campaign.api.PledgeSummary;
import uk.nhs.safety.campaign.api.SafetyPlan;

/**
 * Hand-written fakes of the four campaign services the partner reads, over plain lists a test fills in. Reads only;
 * every write throws, because the partner must never write.
 */
public final class FakeCampaign {

    public final Map<String, Member> members = new HashMap<>();
    public final List<PledgeAction> actions = new ArrayList<>();
    public final List<PlanVersion> versions = new ArrayList<>();
    public final Map<String, SafetyPlan> workingCopies = new HashMap<>();
    public final Map<String, MeasureProgress> progress = new HashMap<>();
    /** When true, {@code actions(ods, true)} wrongly returns drafts too: a defect the partner must not pass on. */
    public boolean leakDrafts;
    /** The calls to read the working copy (the partner must never read it). */
    public int workingCopyReads;

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the CQC partner must not write");
    }

    public final MemberService memberService = new MemberService() {
        @Override
        public ImportResult importOdsExtract(String actor, Reader source, String sourceName) {
            throw readOnly();
        }

        @Override
        public Member join(String actor, NewMember member) {
            throw readOnly();
        }

        @Override
        public Member withdraw(String actor, String odsCode, long expectedVersion) {
            throw readOnly();
        }

        @Override
        public Optional<Member> find(String odsCode) {
            return Optional.ofNullable(members.get(odsCode.toUpperCase(Locale.ROOT)));
        }

        @Override
        public Page<Member> list(MemberQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public uk.nhs.safety.campaign.api.CampaignSummary summary() {
            throw new UnsupportedOperationException("not used by the CQC partner");
        }
    };

    public final PledgeService pledgeService = new PledgeService() {
        @Override
        public List<PledgeAction> actions(String odsCode, boolean publishedOnly) {
            return actions.stream().filter(a -> a.odsCode().equals(odsCode))
                    .filter(a -> !publishedOnly || leakDrafts || a.published()).toList();
        }

        @Override
        public PledgeAction addAction(String actor, String odsCode, NewAction action) {
            throw readOnly();
        }

        @Override
        public PledgeAction updateAction(String actor, String odsCode, long actionId, NewAction action,
                                         long expectedVersion) {
            throw readOnly();
        }

        @Override
        public PledgeAction publishAction(String actor, String odsCode, long actionId, long expectedVersion) {
            throw readOnly();
        }

        @Override
        public PledgeSummary summary(String odsCode) {
            throw new UnsupportedOperationException();
        }
    };

    public final PlanService planService = new PlanService() {
        @Override
        public Optional<SafetyPlan> plan(String odsCode) {
            workingCopyReads++;
            return Optional.ofNullable(workingCopies.get(odsCode));
        }

        @Override
        public PlanVersion version(String odsCode, int number) {
            return versions.stream().filter(v -> v.odsCode().equals(odsCode) && v.number() == number).findFirst()
                    .orElseThrow(() -> new NotFoundException("no version " + number));
        }

        @Override
        public List<PlanVersion> versions(String odsCode) {
            return versions.stream().filter(v -> v.odsCode().equals(odsCode)).toList();
        }

        @Override
        public SafetyPlan save(String actor, String odsCode, PlanContent content, Long expectedVersion) {
            throw readOnly();
        }

        @Override
        public PlanVersion publish(String actor, String odsCode, long expectedVersion) {
            throw readOnly();
        }

        @Override
        public List<FocusArea> focusAreas() {
            return List.of();
        }

        @Override
        public FocusArea addFocusArea(String actor, FocusArea area) {
            throw readOnly();
        }

        @Override
        public java.util.Optional<PlanVersion> latestPublished(String odsCode) {
            throw new UnsupportedOperationException("not used by the CQC partner");
        }

        @Override
        public java.util.Optional<uk.nhs.safety.campaign.api.PlanContent> visibleContent(String odsCode,
                uk.nhs.safety.campaign.api.access.CallerAccess caller) {
            throw new UnsupportedOperationException("not used by the CQC partner");
        }
    };

    public final MeasureService measureService = new MeasureService() {
        @Override
        public Measurement record(String actor, String odsCode, String measureKey, LocalDate period, double value,
                                  String annotation) {
            throw readOnly();
        }

        @Override
        public List<Measurement> measurements(String odsCode, String measureKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MeasureProgress progress(String odsCode, String measureKey) {
            MeasureProgress p = progress.get(odsCode + "/" + measureKey);
            if (p == null) {
                throw new NotFoundException("no measure " + measureKey + " in the current plan of " + odsCode);
            }
            return p;
        }

        @Override
        public uk.nhs.safety.campaign.api.MeasureProgress progress(String odsCode, String measureKey,
                uk.nhs.safety.campaign.api.access.CallerAccess caller) {
            throw new UnsupportedOperationException("not used by the CQC partner");
        }
    };
}
