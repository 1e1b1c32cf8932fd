package org.oneedge.mec.platform.ams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Which application instance runs on which MEC host, grouped by application ({@code appDId}), so that AMS can name
 * the instance of the same application on a device's new host ({@code targetAppInfo}, MEC 021 8.2) and list
 * adjacent instances (MEC 021 7.2.3). Filled by whoever instantiates apps (MEC 010-2 / 011 code, a topology runner)
 * through {@link #register}, and by AMS itself for instances that register with it from a host view.
 */
public final class AppInstanceDirectory {

    /**
     * One application instance.
     *
     * @param appInstanceId the instance id
     * @param appDId        the application it is an instance of (descriptor id or app name)
     * @param hostName      the MEC host it runs on, {@code null} if unknown
     * @param order         registration order (the first instance on a host is the preferred target)
     */
    public record AppInstance(String appInstanceId, String appDId, String hostName, long order) {
    }

    private final Map<String, AppInstance> instances = new ConcurrentHashMap<>();
    private final AtomicLong order = new AtomicLong();
    private final List<Consumer<AppInstance>> changeListeners = new CopyOnWriteArrayList<>();

    /** Registers (or re-registers) an instance; listeners hear about new instances and host moves. */
    public AppInstance register(String appInstanceId, String appDId, String hostName) {
        Objects.requireNonNull(appInstanceId, "appInstanceId");
        Objects.requireNonNull(appDId, "appDId");
        AppInstance previous = instances.get(appInstanceId);
        AppInstance next = new AppInstance(appInstanceId, appDId, hostName,
                previous == null ? order.incrementAndGet() : previous.order());
        instances.put(appInstanceId, next);
        if (!next.equals(previous)) {
            changeListeners.forEach(l -> l.accept(next));
        }
        return next;
    }

    /** Removes an instance; listeners are told (with the removed entry). */
    public Optional<AppInstance> remove(String appInstanceId) {
        AppInstance removed = instances.remove(appInstanceId);
        if (removed != null) {
            changeListeners.forEach(l -> l.accept(removed));
        }
        return Optional.ofNullable(removed);
    }

    public Optional<AppInstance> find(String appInstanceId) {
        return Optional.ofNullable(instances.get(appInstanceId));
    }

    /** Instances of an application, in registration order. */
    public List<AppInstance> instancesOf(String appDId) {
        return all().stream().filter(i -> i.appDId().equals(appDId)).toList();
    }

    /** The first-registered instance of {@code appDId} on {@code hostName}. */
    public Optional<AppInstance> instanceOn(String appDId, String hostName) {
        return instancesOf(appDId).stream().filter(i -> hostName.equals(i.hostName())).findFirst();
    }

    public List<AppInstance> all() {
        List<AppInstance> list = new ArrayList<>(instances.values());
        list.sort(Comparator.comparingLong(AppInstance::order));
        return list;
    }

    /** Called after an instance is added, moved or removed. */
    public void onChange(Consumer<AppInstance> listener) {
        changeListeners.add(listener);
    }

    /**
     * The application an instance id belongs to when nobody registered it: the part before {@code @} in ids of the
     * form {@code <appName>@<host>}, otherwise the id itself (an application with a single instance).
     */
    public static String appDIdByConvention(String appInstanceId) {
        int at = appInstanceId.indexOf('@');
        return at > 0 ? appInstanceId.substring(0, at) : appInstanceId;
    }
}
