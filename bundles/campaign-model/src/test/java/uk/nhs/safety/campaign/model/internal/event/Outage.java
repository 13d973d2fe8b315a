package uk.nhs.safety.campaign.model.internal.event;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/** A data source that can be made unreachable, as a database that stops answering is. */
final class Outage {

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();
    final DataSource dataSource;

    Outage(DataSource target) {
        dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        refused.incrementAndGet();
                        throw new SQLNonTransientConnectionException("connection refused (simulated)", "08001");
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    void down() {
        down.set(true);
    }

    void up() {
        down.set(false);
    }

    /** How many connections were refused while down. */
    int refused() {
        return refused.get();
    }
}
