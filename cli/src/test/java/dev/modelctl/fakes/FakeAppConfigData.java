package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The AppConfig Data plane (REST-JSON as the AWS SDK {@code appconfigdata} client speaks it), served from a
 * {@link FakeAppConfig}'s deployments. Token semantics follow the API reference: StartConfigurationSession returns an
 * InitialConfigurationToken; every GetLatestConfiguration returns a new NextPollConfigurationToken; a token is valid
 * once and for at most 24 hours (a reused, unknown or expired token is a BadRequestException); the body is empty when
 * the session already has the served version; Next-Poll-Interval-In-Seconds is the session's
 * RequiredMinimumPollIntervalInSeconds (15 to 86400, default 60), and polling sooner is refused
 * (PollIntervalNotSatisfied).
 * <p>
 * What a session is served follows the deployments: the last COMPLETE version, or an in-progress deployment's version
 * when the session's bucket is under its PercentageComplete; a ROLLED_BACK deployment is never served again, a REVERTED
 * one gives back the version before it. A per-session propagation delay holds each new version back, as AppConfig's
 * caches do. Time runs on the same accelerated clock as the drill's {@code --time-scale} ({@code msPerSecond}).
 */
public final class FakeAppConfigData extends FakeHttp {
    static final int DEFAULT_POLL_SECONDS = 60;
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

    private final FakeAppConfig appConfig;
    private final double msPerSecond;
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private volatile long clockOffsetMs;
    private volatile List<Duration> propagation = List.of(Duration.ZERO);
    private volatile long propagationFrom;
    private volatile int stopAfterServedTo;
    /** Every BadRequestException answered, as "Problem: message", for assertions. */
    public final List<String> rejections = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();

    private record Token(Session session, long issuedAt, boolean used) {
    }

    private static final class Session {
        final int index;
        final String app;
        final String env;
        final String profile;
        final int pollSeconds;
        final int bucket;
        Integer has;
        long lastCallAt = -1;

        Session(int index, String app, String env, String profile, int pollSeconds) {
            this.index = index;
            this.app = app;
            this.env = env;
            this.profile = profile;
            this.pollSeconds = pollSeconds;
            this.bucket = (index * 37) % 100; // spread clients over the rollout percentage like AppConfig's hashing
        }
    }

    public FakeAppConfigData(FakeAppConfig appConfig, double msPerSecond) {
        this.appConfig = appConfig;
        this.msPerSecond = msPerSecond;
        route("POST", "/configurationsessions", this::startSession);
        route("GET", "/configuration", this::latest);
    }

    // ---- set-up used by tests -------------------------------------------------------------------------------------

    /**
     * From now on, session N sees a deployment's version this long (AppConfig seconds) after the deployment started;
     * the delays are cycled over the sessions. Deployments started before this call are visible at once.
     */
    public FakeAppConfigData propagationDelays(Duration... delays) {
        propagationFrom = System.currentTimeMillis();
        propagation = List.of(delays);
        return this;
    }

    /** Once this many sessions got the version of a deployment in progress, that deployment is stopped (rolled back). */
    /**
     * The answer that ends a rollout (see {@link #stopDeploymentAfterServedTo}) reaches its session this much later
     * (real time), after the rollback is already visible to GetDeployment: a reader must still count it.
     */
    public FakeAppConfigData answerLateAfterStop(Duration lateness) {
        lateAfterStopMs = lateness.toMillis();
        return this;
    }

    private volatile long lateAfterStopMs;

    public FakeAppConfigData stopDeploymentAfterServedTo(int sessionsServed) {
        stopAfterServedTo = sessionsServed;
        return this;
    }

    /** Moves the token clock forward (e.g. past the 24 h lifetime). */
    public void advanceClock(Duration d) {
        clockOffsetMs += (long) (d.toNanos() / 1e9 * msPerSecond);
    }

    public synchronized int sessionsStarted() {
        return sessions.size();
    }

    // ---- handlers -----------------------------------------------------------------------------------------------

    private long now() {
        return System.currentTimeMillis() + clockOffsetMs;
    }

    private synchronized Response startSession(java.util.regex.Matcher m, HttpExchange x, byte[] body) throws Exception {
        JsonNode req = JSON.readTree(body);
        String app = req.path("ApplicationIdentifier").asText("");
        String env = req.path("EnvironmentIdentifier").asText("");
        String profile = req.path("ConfigurationProfileIdentifier").asText("");
        calls.add("StartConfigurationSession");
        if (app.isEmpty() || env.isEmpty() || profile.isEmpty()) {
            return badRequest(null, "ApplicationIdentifier, EnvironmentIdentifier and ConfigurationProfileIdentifier are required");
        }
        int poll = DEFAULT_POLL_SECONDS;
        if (req.has("RequiredMinimumPollIntervalInSeconds")) {
            poll = req.get("RequiredMinimumPollIntervalInSeconds").asInt();
            if (poll < 15 || poll > 86400) {
                return badRequest(null, "RequiredMinimumPollIntervalInSeconds must be between 15 and 86400");
            }
        }
        if (!known(() -> appConfig.environmentNode(env)) || !known(() -> appConfig.profileNode(profile))) {
            return Response.error(404, "ResourceNotFoundException", "Requested resource not found: environment " + env + " / profile " + profile);
        }
        Session s = new Session(sessions.size() + 1, app, env, profile, poll);
        sessions.add(s);
        return Response.json(201, JSON.createObjectNode().put("InitialConfigurationToken", issue(s)));
    }

    private static boolean known(java.util.function.Supplier<JsonNode> lookup) {
        try {
            return lookup.get() != null;
        } catch (NullPointerException missing) {
            return false;
        }
    }

    private String issue(Session s) {
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        tokens.put(token, new Token(s, now(), false));
        return token;
    }

    /** GetLatestConfiguration; an answer that ended a rollout may leave late, outside the lock like any slow network. */
    private Response latest(java.util.regex.Matcher m, HttpExchange x, byte[] body) {
        Answer answer = answer(x);
        if (answer.endedRollout() && lateAfterStopMs > 0) {
            try {
                Thread.sleep(lateAfterStopMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return answer.response();
    }

    /** A response, and whether serving it stopped a deployment ({@link #stopDeploymentAfterServedTo}). */
    private record Answer(Response response, boolean endedRollout) {
        Answer(Response response) {
            this(response, false);
        }
    }

    private synchronized Answer answer(HttpExchange x) {
        calls.add("GetLatestConfiguration");
        String token = query(x, "configuration_token");
        Token t = token == null ? null : tokens.get(token);
        if (t == null) {
            return new Answer(badRequest("Corrupted", "Invalid ConfigurationToken"));
        }
        if (t.used()) {
            return new Answer(badRequest("Corrupted", "ConfigurationToken has already been used; use the NextPollConfigurationToken of the last response"));
        }
        if (now() - t.issuedAt() > TOKEN_LIFETIME.toSeconds() * msPerSecond) {
            return new Answer(badRequest("Expired", "ConfigurationToken has expired"));
        }
        Session s = t.session();
        long real = System.currentTimeMillis();
        if (s.lastCallAt >= 0 && real - s.lastCallAt < s.pollSeconds * msPerSecond - 1) {
            return new Answer(badRequest("PollIntervalNotSatisfied", "Poll interval of " + s.pollSeconds + " seconds not satisfied"));
        }
        tokens.put(token, new Token(s, t.issuedAt(), true));
        s.lastCallAt = real;
        Served served = served(s);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Next-Poll-Configuration-Token", issue(s));
        headers.put("Next-Poll-Interval-In-Seconds", Integer.toString(s.pollSeconds));
        if (served == null || (s.has != null && s.has == served.version())) {
            headers.put("Content-Type", served == null ? "application/octet-stream" : served.contentType());
            return new Answer(new Response(200, headers, new byte[0]));
        }
        s.has = served.version();
        headers.put("Content-Type", served.contentType());
        boolean ended = served.fromDeploymentInProgress() != null && maybeStop(served.fromDeploymentInProgress(), served.version());
        return new Answer(new Response(200, headers, served.content()), ended);
    }

    private record Served(int version, String contentType, byte[] content, FakeDeployment fromDeploymentInProgress) {
    }

    /** The version this session gets now: see the class comment. */
    private Served served(Session s) {
        Integer version = null;
        FakeDeployment inProgress = null;
        Duration delay = propagation.get((s.index - 1) % propagation.size());
        for (FakeDeployment d : appConfig.deploymentsOf(s.app, s.env)) {
            if (!d.profile.equals(s.profile)) {
                continue;
            }
            ObjectNode j = d.toJson();
            long started = d.startedAtMillis();
            // a deployment that started before (or in the very millisecond) the delays were set is already everywhere
            boolean visible = started <= propagationFrom || System.currentTimeMillis() >= started + (long) (delay.toNanos() / 1e9 * msPerSecond);
            Integer before = version;
            String state = j.get("State").asText();
            switch (state) {
                case "COMPLETE" -> version = visible ? Integer.valueOf(d.version) : version;
                case "DEPLOYING", "BAKING" -> version = visible && s.bucket < j.get("PercentageComplete").asDouble() ? Integer.valueOf(d.version) : version;
                default -> {
                    // ROLLED_BACK: its version is not served (any more)
                }
            }
            if (!java.util.Objects.equals(before, version)) {
                inProgress = state.equals("DEPLOYING") || state.equals("BAKING") ? d : null;
            }
        }
        if (version == null) {
            return null;
        }
        for (FakeAppConfig.Hosted h : appConfig.hosted(s.app, s.profile)) {
            if (h.version() == version) {
                return new Served(version, h.contentType(), h.content(), inProgress);
            }
        }
        return null;
    }

    /** Stops {@code d} once enough sessions have {@code version}; whether it stopped now. */
    private boolean maybeStop(FakeDeployment d, int version) {
        if (stopAfterServedTo <= 0) {
            return false;
        }
        long got = sessions.stream().filter(x -> x.has != null && x.has == version).count();
        if (got >= stopAfterServedTo) {
            stopAfterServedTo = 0;
            d.stop();
            return true;
        }
        return false;
    }

    private Response badRequest(String problem, String message) {
        rejections.add((problem == null ? "BadRequest" : problem) + ": " + message);
        ObjectNode body = JSON.createObjectNode().put("Message", message);
        if (problem != null) {
            body.put("Reason", "InvalidParameters");
            body.putObject("Details").putObject("InvalidParameters").putObject("ConfigurationToken").put("Problem", problem);
        }
        return new Response(400, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "BadRequestException"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
