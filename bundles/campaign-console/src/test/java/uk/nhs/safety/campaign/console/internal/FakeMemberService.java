package uk.nhs.safety.campaign.console.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import uk.nhs.safety.campaign.api.ImportResult;
import uk.nhs.safety.campaign.api.Member;
import uk.nhs.safety.campaign.api.MemberQuery;
import uk.nhs.safety.campaign.api.MemberService;
import uk.nhs.safety.campaign.api.NewMember;
import uk.nhs.safety.campaign.api.Page;

/** Members held in a list; records what the console asked for. */
final class FakeMemberService implements MemberService {

    final List<Member> members = new ArrayList<>();
    final List<MemberQuery> queries = new ArrayList<>();
    Supplier<ImportResult> importOutcome = () -> new ImportResult(0, 0, 0, 0, 0);
    String importActor;
    String importText;
    String importName;

    @Override
    public ImportResult importOdsExtract(String actor, Reader source, String sourceName) {
        StringWriter text = new StringWriter();
        try {
            source.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        importActor = actor;
        importText = text.toString();
        importName = sourceName;
        return importOutcome.get();
    }

    @Override
    public Member join(String actor, NewMember member) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Member withdraw(String actor, String odsCode, long expectedVersion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Member> find(String odsCode) {
        return members.stream().filter(m -> m.odsCode().equalsIgnoreCase(odsCode)).findFirst();
    }

    @Override
    public Page<Member> list(MemberQuery query) {
        queries.add(query);
        String text = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        List<Member> matching = members.stream()
                .filter(m -> query.type() == null || m.type() == query.type())
                .filter(m -> query.status() == null || m.status() == query.status())
                .filter(m -> text == null || m.odsCode().toLowerCase(Locale.ROOT).startsWith(text)
                        || m.name().toLowerCase(Locale.ROOT).contains(text))
                .sorted(Comparator.comparing(Member::odsCode))
                .toList();
        List<Member> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
        return new Page<>(page, matching.size(), query.offset(), query.limit());
    }

    @Override
    public uk.nhs.safety.campaign.api.CampaignSummary summary() {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
