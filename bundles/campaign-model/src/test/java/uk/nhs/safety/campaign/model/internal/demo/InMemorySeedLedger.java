package uk.nhs.safety.campaign.model.internal.demo;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** A {@link SeedLedger} of one test: no lock (one thread), the claim in a field. */
final class InMemorySeedLedger implements SeedLedger {

    private Claim claim;

    @Override
    public synchronized <T> T exclusively(Supplier<T> work) {
        return work.get();
    }

    @Override
    public synchronized Optional<Claim> claim() {
        return Optional.ofNullable(claim);
    }

    @Override
    public synchronized void start(String node) {
        claim = new Claim(node, Instant.EPOCH, Optional.empty());
    }

    @Override
    public synchronized void finish() {
        claim = new Claim(claim.node(), claim.startedAt(), Optional.of(Instant.EPOCH.plusSeconds(1)));
    }
}
