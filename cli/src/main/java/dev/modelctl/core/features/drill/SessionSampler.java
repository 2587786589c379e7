package dev.modelctl.core.features.drill;

import dev.modelctl.core.base.doc.DocumentLoader;
import dev.modelctl.core.base.doc.SourceDocument;
import dev.modelctl.core.features.drill.ConfigurationSessions.Poll;
import dev.modelctl.core.features.drill.ConfigurationSessions.Session;
import dev.modelctl.core.features.drill.ConfigurationSessions.SessionException;
import dev.modelctl.core.model.routing.RoutingDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Several AppConfig Data sessions polled concurrently, each as one running service would: start a session, call
 * GetLatestConfiguration with the current token, keep the last document when the answer is empty, wait the interval
 * the service returned, repeat; start a new session when a token is refused. Each session records when its document
 * changed, so the drill can tell when each one first served a version. The sessions start spread over one poll
 * interval, as the polls of a fleet of services fall at random phases (docs/drill.md).
 */
public final class SessionSampler implements AutoCloseable {
    /** A session gives up after this many failed calls in a row. */
    static final int MAX_CONSECUTIVE_ERRORS = 5;

    private final ConfigurationSessions api;
    private final String application;
    private final String environment;
    private final String profile;
    private final Duration minimumPoll;
    private final DrillClock clock;
    private final String sourceName;
    private final List<Watcher> watchers = new ArrayList<>();
    private final Object changed = new Object();

    /** @param sourceName how findings name the served document, e.g. {@code appconfig:staging} */
    public SessionSampler(ConfigurationSessions api, String application, String environment, String profile, int sessions,
                          Duration minimumPoll, DrillClock clock, String sourceName) {
        this.sourceName = sourceName;
        this.api = api;
        this.application = application;
        this.environment = environment;
        this.profile = profile;
        this.minimumPoll = minimumPoll;
        this.clock = clock;
        for (int i = 1; i <= sessions; i++) {
            watchers.add(new Watcher(i));
        }
    }

    /** One document a session received, and when (AppConfig time since the drill's clock started). */
    record Observation(Duration at, RoutingDocument document) {
    }

    /** When one session first served what a phase waits for ({@code null}: not within the timeout). */
    public record SessionTiming(int session, Duration servedAfter, int polls, int restarts, List<String> errors) {
    }

    /** Per-session timings of one phase (activation or clear). */
    public record PhaseResult(String phase, List<SessionTiming> sessions) {
        public boolean allServed() {
            return sessions.stream().allMatch(s -> s.servedAfter() != null);
        }

        public long served() {
            return sessions.stream().filter(s -> s.servedAfter() != null).count();
        }

        /** The earliest session's time, if any served. */
        public Duration first() {
            return sessions.stream().map(SessionTiming::servedAfter).filter(d -> d != null).min(Duration::compareTo).orElse(null);
        }

        /** The last session's time, when every session served. */
        public Duration all() {
            return allServed() ? sessions.stream().map(SessionTiming::servedAfter).max(Duration::compareTo).orElse(null) : null;
        }
    }

    /**
     * Starts every session and waits for each one's first document (what the service serves now).
     *
     * @throws SessionException when a session cannot start or get a document within {@code timeout}
     */
    public List<RoutingDocument> open(Duration timeout) {
        for (Watcher w : watchers) {
            w.thread.start();
        }
        long deadline = System.currentTimeMillis() + clock.realMillis(timeout);
        synchronized (changed) {
            while (true) {
                List<RoutingDocument> docs = new ArrayList<>();
                for (Watcher w : watchers) {
                    if (w.dead != null) {
                        throw w.dead;
                    }
                    RoutingDocument d = w.current();
                    if (d != null) {
                        docs.add(d);
                    }
                }
                if (docs.size() == watchers.size()) {
                    return docs;
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SessionException("Timeout", "no configuration served to " + (watchers.size() - docs.size()) + " of "
                            + watchers.size() + " AppConfig Data sessions within " + timeout.toSeconds() + " s");
                }
                waitQuietly(left);
            }
        }
    }

    /**
     * Waits until every session serves a document that {@code served} accepts, or {@code timeout} (AppConfig time)
     * after {@code since} has passed; times count from {@code since}.
     */
    public PhaseResult await(String phase, Duration since, Predicate<RoutingDocument> served, Duration timeout) {
        long deadline = System.currentTimeMillis() + clock.realMillis(since.plus(timeout).minus(clock.elapsed()));
        synchronized (changed) {
            while (true) {
                PhaseResult r = result(phase, since, served);
                boolean waiting = false;
                for (int i = 0; i < watchers.size(); i++) {
                    waiting |= r.sessions().get(i).servedAfter() == null && watchers.get(i).dead == null;
                }
                long left = deadline - System.currentTimeMillis();
                if (!waiting) {
                    return r;
                }
                if (left <= 0) {
                    // a response already on its way when the window closed counts: a session that got the document
                    // (the one whose fetch ended a rollout, say) is still being read
                    return settled() ? result(phase, since, served) : r;
                }
                waitQuietly(left);
            }
        }
    }

    /** Real time a poll already in flight at the end of a phase may take to be read (a service's HTTP call). */
    private static final long IN_FLIGHT_GRACE_MILLIS = 5_000;

    /** Waits (holding {@code changed}) until no session is in the middle of a poll; whether any was. */
    private boolean settled() {
        long until = System.currentTimeMillis() + IN_FLIGHT_GRACE_MILLIS;
        boolean waited = false;
        while (watchers.stream().anyMatch(w -> w.busy && w.thread.isAlive()) && System.currentTimeMillis() < until) {
            waited = true;
            waitQuietly(until - System.currentTimeMillis());
        }
        return waited;
    }

    private PhaseResult result(String phase, Duration since, Predicate<RoutingDocument> served) {
        List<SessionTiming> out = new ArrayList<>();
        for (Watcher w : watchers) {
            out.add(new SessionTiming(w.index, w.servedAfter(since, served), w.polls, w.restarts, w.errors()));
        }
        return new PhaseResult(phase, out);
    }

    /**
     * The most recent document any session received that {@code wanted} accepts, even if it is no longer served (a
     * rolled-back override is still the document to check); {@code null} when none did.
     */
    public RoutingDocument latest(Predicate<RoutingDocument> wanted) {
        RoutingDocument found = null;
        Duration at = null;
        for (Watcher w : watchers) {
            synchronized (w) {
                for (Observation o : w.observations) {
                    if (wanted.test(o.document()) && (at == null || o.at().compareTo(at) > 0)) {
                        found = o.document();
                        at = o.at();
                    }
                }
            }
        }
        return found;
    }

    private void waitQuietly(long millis) {
        try {
            changed.wait(Math.min(millis, 50));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException("Interrupted", "interrupted while waiting for the AppConfig Data sessions");
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    @Override
    public void close() {
        for (Watcher w : watchers) {
            w.stopped = true;
            w.thread.interrupt();
        }
        for (Watcher w : watchers) {
            try {
                w.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One simulated service: a thread polling its own session. */
    private final class Watcher implements Runnable {
        final int index;
        final Thread thread;
        final List<Observation> observations = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        volatile boolean stopped;
        volatile SessionException dead;
        volatile int polls;
        volatile int restarts;
        /** Between asking AppConfig Data and having read its answer. */
        volatile boolean busy;

        Watcher(int index) {
            this.index = index;
            this.thread = new Thread(this, "drill-session-" + index);
            this.thread.setDaemon(true);
        }

        synchronized RoutingDocument current() {
            return observations.isEmpty() ? null : observations.get(observations.size() - 1).document();
        }

        synchronized List<String> errors() {
            return List.copyOf(errors);
        }

        /** When this session first served an accepted document at or after {@code since}, counted from {@code since}. */
        synchronized Duration servedAfter(Duration since, Predicate<RoutingDocument> served) {
            Observation before = null;
            for (Observation o : observations) {
                if (o.at().compareTo(since) < 0) {
                    before = o;
                } else if (served.test(o.document())) {
                    return o.at().minus(since);
                }
            }
            // the document it already had when the phase began may be the one the phase waits for
            return before != null && served.test(before.document()) && observations.get(observations.size() - 1) == before ? Duration.ZERO : null;
        }

        @Override
        public void run() {
            Session session = null;
            int failures = 0;
            Duration wait = minimumPoll;
            try {
                // services poll at random phases: spread the sessions' polls over one interval so their times sample that
                clock.sleep(minimumPoll.multipliedBy(index - 1).dividedBy(watchers.size()));
            } catch (InterruptedException e) {
                return;
            }
            while (!stopped) {
                busy = true;
                try {
                    if (session == null) {
                        session = api.start(application, environment, profile, minimumPoll);
                    }
                    Poll p = session.latest();
                    polls++;
                    failures = 0;
                    wait = p.nextPoll().isZero() || p.nextPoll().isNegative() ? minimumPoll : p.nextPoll();
                    if (!p.unchanged()) {
                        record(p.content());
                    } else if (current() == null) {
                        dead = new SessionException("NoConfiguration", "AppConfig Data serves no configuration for this environment and profile"
                                + " (nothing deployed yet?)");
                        busy = false;
                        signal();
                        return;
                    }
                } catch (SessionException e) {
                    synchronized (this) {
                        errors.add(e.code() + ": " + e.getMessage());
                    }
                    // a refused token cannot be used again: like a service, start a new session
                    session = null;
                    restarts++;
                    if (++failures >= MAX_CONSECUTIVE_ERRORS) {
                        dead = new SessionException(e.code(), "AppConfig Data session " + index + " failed " + failures + " times in a row: " + e.getMessage());
                        busy = false;
                        signal();
                        return;
                    }
                }
                busy = false;
                signal();
                try {
                    clock.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void record(byte[] content) {
            SourceDocument doc = new DocumentLoader().parse(content, sourceName);
            if (!doc.parsed()) {
                synchronized (this) {
                    errors.add("served content is not a routing document: " + doc.findings().get(0).message());
                }
                return;
            }
            synchronized (this) {
                observations.add(new Observation(clock.elapsed(), RoutingDocument.from(doc)));
            }
        }
    }
}
