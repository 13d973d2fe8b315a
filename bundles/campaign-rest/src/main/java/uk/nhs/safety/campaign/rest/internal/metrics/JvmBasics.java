package uk.nhs.safety.campaign.rest.internal.metrics;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The JVM's basics (memory, threads, classes, garbage collection, uptime, processors), named as the Prometheus Java
 * client's own JVM metrics so that the usual dashboards work, read from {@code java.lang.management} on each scrape.
 * Not the client's {@code prometheus-metrics-instrumentation-jvm}: it needs {@code com.sun.management}, which
 * Karaf's framework does not export.
 */
final class JvmBasics {

    private JvmBasics() {
    }

    static void register(PrometheusRegistry registry) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        GaugeWithCallback.builder().name("jvm_memory_used_bytes").help("Memory in use, by area")
                .unit(Unit.BYTES).labelNames("area").callback(cb -> {
                    cb.call(memory.getHeapMemoryUsage().getUsed(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getUsed(), "nonheap");
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_committed_bytes").help("Memory committed, by area")
                .unit(Unit.BYTES).labelNames("area").callback(cb -> {
                    cb.call(memory.getHeapMemoryUsage().getCommitted(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getCommitted(), "nonheap");
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_memory_max_bytes").help("Most memory the area may use (-1: no limit)")
                .unit(Unit.BYTES).labelNames("area").callback(cb -> {
                    MemoryUsage heap = memory.getHeapMemoryUsage();
                    cb.call(heap.getMax(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getMax(), "nonheap");
                }).register(registry);
        GaugeWithCallback.builder().name("jvm_threads_current").help("Live threads")
                .callback(cb -> cb.call(threads.getThreadCount())).register(registry);
        GaugeWithCallback.builder().name("jvm_threads_daemon").help("Live daemon threads")
                .callback(cb -> cb.call(threads.getDaemonThreadCount())).register(registry);
        GaugeWithCallback.builder().name("jvm_classes_currently_loaded").help("Classes loaded now")
                .callback(cb -> cb.call(classes.getLoadedClassCount())).register(registry);
        CounterWithCallback.builder().name("jvm_gc_collections").help("Garbage collections, by collector")
                .labelNames("gc").callback(cb -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        cb.call(Math.max(0, gc.getCollectionCount()), gc.getName());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("jvm_gc_collection_seconds")
                .help("Time spent in garbage collection, by collector").labelNames("gc").callback(cb -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        cb.call(Math.max(0, gc.getCollectionTime()) / 1000.0, gc.getName());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("process_start_time_seconds")
                .help("When the JVM started, in seconds since the epoch")
                .callback(cb -> cb.call(runtime.getStartTime() / 1000.0)).register(registry);
        GaugeWithCallback.builder().name("jvm_available_processors").help("Processors available to the JVM")
                .callback(cb -> cb.call(Runtime.getRuntime().availableProcessors())).register(registry);
        GaugeWithCallback.builder().name("jvm_info").help("The JVM's version and vendor (always 1)")
                .labelNames("version", "vendor", "runtime")
                .callback(cb -> cb.call(1, System.getProperty("java.runtime.version", ""),
                        System.getProperty("java.vm.vendor", ""), System.getProperty("java.runtime.name", "")))
                .register(registry);
    }
}
