package uk.nhs.safety.campaign.model.internal.demo;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.MemberStatus;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.Page;
import uk.nhs.safety.campaign.model.internal.ods.OdsExtractParser;
import uk.nhs.safety.campaign.model.internal.ods.OdsRecord;

/** In-memory members: imports with the real parser, lists by code. */
final class FakeMemberService implements MemberService {

    final TreeMap<String, Member> members = new TreeMap<>();
    final List<String> importCalls = new ArrayList<>();
    int listCalls;

    @Override
    public ImportResult importOdsExtract(String actor, Reader source, String sourceName) {
        importCalls.add(actor + " " + sourceName);
        List<OdsRecord> records = new OdsExtractParser().parse(source, sourceName);
        int added = 0;
        int closed = 0;
        for (OdsRecord r : records) {
            if (members.putIfAbsent(r.odsCode(), new Member(r.odsCode(), r.name(), r.type(), r.region(), r.postcode(),
                    LocalDate.of(2014, 6, 24), MemberStatus.ACTIVE, r.openDate(), r.closeDate(),
                    actor.equals(DemoContent.ACTOR), 1)) == null) {
                added++;
            }
            closed += r.closeDate() != null ? 1 : 0;
        }
        return new ImportResult(records.size(), added, 0, records.size() - added, closed);
    }

    @Override
    public Member join(String actor, NewMember m) {
        Member member = new Member(m.odsCode(), m.name(), m.type(), m.region(), m.postcode(), m.joined(),
                MemberStatus.ACTIVE, null, null, false, 1);
        members.put(m.odsCode(), member);
        return member;
    }

    @Override
    public Member withdraw(String actor, String odsCode, long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Member> find(String odsCode) {
        return Optional.ofNullable(members.get(odsCode.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Page<Member> list(MemberQuery query) {
        listCalls++;
        List<Member> all = new ArrayList<>(members.values());
        List<Member> page = all.subList(Math.min(query.offset(), all.size()),
                Math.min(query.offset() + query.limit(), all.size()));
        return new Page<>(page, all.size(), query.offset(), query.limit());
    }

    @Override
    public uk.nhs.safety.campaign.api.CampaignSummary summary() {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
