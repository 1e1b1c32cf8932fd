package org.oneedge.cse.timeseries;

import org.oneedge.cse.CseExtension;

/**
 * Plugs timeSeries, their instances and missing-data detection into the engine (TS-0004 7.4.33–7.4.35). The
 * detector reports through the timeSeries' {@code mdlt}/{@code mdc}, which subscriptions with net 8 watch.
 *
 * <pre>
 *  Cse.builder().extension(new TimeSeriesExtension())   // installed by default
 * </pre>
 */
public final class TimeSeriesExtension implements CseExtension {

    private MissingDataDetector detector;

    @Override
    public void install(Installation installation) {
        MissingDataLog log = new MissingDataLog();
        detector = new MissingDataDetector(installation.store(), installation.cse(), installation.clock(), log,
                installation.config().adminOriginator(), installation.config().cseBaseName(),
                installation.config().supportedReleaseVersions().getLast());
        installation.handler(new TimeSeriesHandler(log));
        installation.handler(new TimeSeriesInstanceHandler());
        installation.listener(detector);
    }

    @Override
    public void start() {
        detector.start();
    }

    @Override
    public void stop() {
        detector.stop();
    }
}
