package uk.nhs.safety.campaign.model.internal.demo;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs each task at once on the calling thread, so a test sees the seeding finished when the constructor returns. */
final class DirectExecutorService extends AbstractExecutorService {

    private boolean shutdown;

    @Override
    public void execute(Runnable command) {
        if (shutdown) {
            throw new IllegalStateException("shut down");
        }
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
