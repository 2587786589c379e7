package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AppConfig control plane (REST-JSON, as the AWS SDK speaks it): applications, environments with alarm monitors,
 * profiles with validators, hosted versions with the Latest-Version-Number guard, deployment strategies, and
 * deployments that progress on an accelerated clock ({@code msPerMinute}), one at a time per environment, rolling
 * back when a monitored alarm of the {@link FakeCloudWatch} is in ALARM.
 */
public final class FakeAppConfig extends FakeHttp {
    private final FakeCloudWatch cloudWatch;
    private final long msPerMinute;
    private final Map<String, ObjectNode> applications = new LinkedHashMap<>();
    private final Map<String, ObjectNode> environments = new LinkedHashMap<>();
    private final Map<String, ObjectNode> profiles = new LinkedHashMap<>();
    private final Map<String, List<Hosted>> hosted = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> strategies = new LinkedHashMap<>();
    private final Map<String, List<FakeDeployment>> deployments = new ConcurrentHashMap<>();
    private int ids = 1000;
    private String raceContent;

    /** A stored hosted configuration version. */
    public record Hosted(int version, String description, String contentType, byte[] content) {
    }

    public FakeAppConfig(FakeCloudWatch cloudWatch, long msPerMinute) {
        this.cloudWatch = cloudWatch;
        this.msPerMinute = msPerMinute;
        ObjectNode allAtOnce = JSON.createObjectNode().put("Id", "AppConfig.AllAtOnce").put("Name", "AppConfig.AllAtOnce")
                .put("DeploymentDurationInMinutes", 0).put("GrowthType", "LINEAR").put("GrowthFactor", 100.0)
                .put("FinalBakeTimeInMinutes", 10).put("ReplicateTo", "NONE");
        strategies.put("AppConfig.AllAtOnce", allAtOnce);
        String app = "/applications/([^/]+)";
        route("GET", "/applications", (m, x, b) -> Response.json(200, items(applications.values())));
        route("GET", app + "/environments", (m, x, b) -> Response.json(200, items(envsOf(m.group(1)))));
        route("PATCH", app + "/environments/([^/]+)", this::updateEnvironment);
        route("GET", app + "/configurationprofiles", (m, x, b) -> Response.json(200, items(profilesOf(m.group(1)))));
        route("GET", app + "/configurationprofiles/([^/]+)", (m, x, b) -> profile(m.group(1), m.group(2)));
        route("PATCH", app + "/configurationprofiles/([^/]+)", this::updateProfile);
        route("GET", app + "/configurationprofiles/([^/]+)/hostedconfigurationversions", this::listHosted);
        route("POST", app + "/configurationprofiles/([^/]+)/hostedconfigurationversions", this::createHosted);
        route("GET", app + "/configurationprofiles/([^/]+)/hostedconfigurationversions/(\\d+)", this::getHosted);
        route("GET", "/deploymentstrategies", (m, x, b) -> Response.json(200, items(strategies.values())));
        route("POST", "/deploymentstrategies", this::createStrategy);
        route("POST", app + "/environments/([^/]+)/deployments", this::startDeployment);
        route("GET", app + "/environments/([^/]+)/deployments", this::listDeployments);
        route("GET", app + "/environments/([^/]+)/deployments/(\\d+)", this::getDeployment);
        route("DELETE", app + "/environments/([^/]+)/deployments/(\\d+)", this::stopDeployment);
    }

    // ---- set-up used by tests -------------------------------------------------------------------------------------

    public synchronized String addApplication(String name) {
        String id = "app" + (ids++);
        applications.put(id, JSON.createObjectNode().put("Id", id).put("Name", name));
        return id;
    }

    public synchronized String addEnvironment(String appId, String name, String... alarmArns) {
        String id = "env" + (ids++);
        ObjectNode env = JSON.createObjectNode().put("ApplicationId", appId).put("Id", id).put("Name", name).put("State", "READY_FOR_DEPLOYMENT");
        ArrayNode monitors = env.putArray("Monitors");
        for (String arn : alarmArns) {
            cloudWatch.register(arn);
            monitors.addObject().put("AlarmArn", arn).put("AlarmRoleArn", "arn:aws:iam::123456789012:role/appconfig-alarms");
        }
        environments.put(id, env);
        return id;
    }

    public synchronized String addProfile(String appId, String name) {
        String id = "prof" + (ids++);
        profiles.put(id, JSON.createObjectNode().put("ApplicationId", appId).put("Id", id).put("Name", name)
                .put("LocationUri", "hosted").put("Type", "AWS.Freeform"));
        profiles.get(id).putArray("Validators");
        return id;
    }

    /** Someone else uploads a version (to test the optimistic lock). */
    public synchronized int uploadBehindYourBack(String appId, String profileId, String content) {
        return store(appId, profileId, content.getBytes(StandardCharsets.UTF_8), "application/json", "someone else");
    }

    /** Someone else deploys a version of {@code profileId} all at once with no bake (it completes at once). */
    public synchronized int deployBehindYourBack(String appId, String envId, String profileId, int version) {
        ObjectNode strategy = JSON.createObjectNode().put("Id", "AppConfig.AllAtOnceNoBake").put("DeploymentDurationInMinutes", 0)
                .put("GrowthType", "LINEAR").put("GrowthFactor", 100.0).put("FinalBakeTimeInMinutes", 0);
        List<FakeDeployment> list = deployments.computeIfAbsent(appId + "/" + envId, k -> new ArrayList<>());
        list.add(new FakeDeployment(list.size() + 1, appId, envId, profileId, profiles.get(profileId).get("Name").asText(), version, strategy,
                "someone else", () -> monitorsOf(envId), cloudWatch, msPerMinute));
        return list.size();
    }

    /** Someone changes the environment's monitors directly. */
    public synchronized void setMonitorsBehindYourBack(String envId, String... alarmArns) {
        ArrayNode monitors = environments.get(envId).putArray("Monitors");
        for (String arn : alarmArns) {
            cloudWatch.register(arn);
            monitors.addObject().put("AlarmArn", arn).put("AlarmRoleArn", "arn:aws:iam::123456789012:role/appconfig-alarms");
        }
    }

    /** The next upload loses a race: someone else's version lands between its read and its write. */
    public synchronized void raceNextUpload(String content) {
        raceContent = content;
    }

    public synchronized List<Hosted> hosted(String appId, String profileId) {
        return List.copyOf(hosted.getOrDefault(appId + "/" + profileId, List.of()));
    }

    public synchronized JsonNode profileNode(String id) {
        return profiles.get(id).deepCopy();
    }

    public synchronized JsonNode environmentNode(String id) {
        return environments.get(id).deepCopy();
    }

    public synchronized List<JsonNode> strategyNodes() {
        return List.copyOf(strategies.values());
    }

    public synchronized List<FakeDeployment> deploymentsOf(String appId, String envId) {
        return List.copyOf(deployments.getOrDefault(appId + "/" + envId, List.of()));
    }

    // ---- handlers -----------------------------------------------------------------------------------------------

    private static ObjectNode items(java.util.Collection<? extends JsonNode> nodes) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("Items");
        nodes.forEach(a::add);
        return o;
    }

    private synchronized List<ObjectNode> envsOf(String appId) {
        return environments.values().stream().filter(e -> e.get("ApplicationId").asText().equals(appId)).toList();
    }

    private synchronized List<ObjectNode> profilesOf(String appId) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode p : profiles.values()) {
            if (p.get("ApplicationId").asText().equals(appId)) {
                ObjectNode summary = p.deepCopy();
                summary.remove("Validators");
                out.add(summary);
            }
        }
        return out;
    }

    private synchronized Response profile(String appId, String profileId) {
        ObjectNode p = profiles.get(profileId);
        if (p == null || !p.get("ApplicationId").asText().equals(appId)) {
            return Response.error(404, "ResourceNotFoundException", "Configuration profile " + profileId + " not found");
        }
        return Response.json(200, p);
    }

    private synchronized Response updateEnvironment(java.util.regex.Matcher m, HttpExchange x, byte[] body) throws Exception {
        ObjectNode env = environments.get(m.group(2));
        if (env == null) {
            return Response.error(404, "ResourceNotFoundException", "Environment " + m.group(2) + " not found");
        }
        JsonNode req = JSON.readTree(body);
        if (req.has("Monitors")) {
            env.set("Monitors", req.get("Monitors"));
        }
        return Response.json(200, env);
    }

    private synchronized Response updateProfile(java.util.regex.Matcher m, HttpExchange x, byte[] body) throws Exception {
        ObjectNode p = profiles.get(m.group(2));
        if (p == null) {
            return Response.error(404, "ResourceNotFoundException", "Configuration profile " + m.group(2) + " not found");
        }
        JsonNode req = JSON.readTree(body);
        if (req.has("Validators")) {
            for (JsonNode v : req.get("Validators")) {
                if (v.path("Type").asText().equals("JSON_SCHEMA") && v.path("Content").asText().length() > 32_768) {
                    return Response.error(400, "BadRequestException", "Validator content exceeds 32768 characters");
                }
            }
            p.set("Validators", req.get("Validators"));
        }
        return Response.json(200, p);
    }

    private synchronized Response listHosted(java.util.regex.Matcher m, HttpExchange x, byte[] b) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("Items");
        for (Hosted h : hosted.getOrDefault(m.group(1) + "/" + m.group(2), List.of())) {
            a.addObject().put("ApplicationId", m.group(1)).put("ConfigurationProfileId", m.group(2)).put("VersionNumber", h.version())
                    .put("Description", h.description()).put("ContentType", h.contentType());
        }
        return Response.json(200, o);
    }

    private synchronized Response createHosted(java.util.regex.Matcher m, HttpExchange x, byte[] body) {
        String key = m.group(1) + "/" + m.group(2);
        if (!profiles.containsKey(m.group(2))) {
            return Response.error(404, "ResourceNotFoundException", "Configuration profile " + m.group(2) + " not found");
        }
        if (raceContent != null) {
            store(m.group(1), m.group(2), raceContent.getBytes(StandardCharsets.UTF_8), "application/json", "someone else");
            raceContent = null;
        }
        List<Hosted> versions = hosted.getOrDefault(key, List.of());
        int latest = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        String guard = x.getRequestHeaders().getFirst("Latest-Version-Number");
        if (guard != null && Integer.parseInt(guard) != latest) {
            return Response.error(409, "ConflictException", "LatestVersionNumber " + guard + " does not match the latest version " + latest);
        }
        String description = x.getRequestHeaders().getFirst("Description");
        if (description != null && (description.length() > 1024 || !description.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
            return Response.error(400, "BadRequestException", "Description must be at most 1024 ASCII characters");
        }
        // the service-side second layer: a JSON_SCHEMA validator on the profile rejects invalid content
        for (JsonNode v : profiles.get(m.group(2)).path("Validators")) {
            if (v.path("Type").asText().equals("JSON_SCHEMA")) {
                String problem = FakeSchemaValidator.validate(v.path("Content").asText(), body);
                if (problem != null) {
                    return Response.error(400, "BadRequestException", "Configuration failed validation: " + problem);
                }
            }
        }
        int version = store(m.group(1), m.group(2), body, x.getRequestHeaders().getFirst("Content-Type"), description);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Application-Id", m.group(1));
        headers.put("Configuration-Profile-Id", m.group(2));
        headers.put("Version-Number", Integer.toString(version));
        headers.put("Content-Type", x.getRequestHeaders().getFirst("Content-Type"));
        if (description != null) {
            headers.put("Description", description);
        }
        return new Response(201, headers, body);
    }

    private int store(String app, String profile, byte[] content, String contentType, String description) {
        List<Hosted> versions = hosted.computeIfAbsent(app + "/" + profile, k -> new ArrayList<>());
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        versions.add(new Hosted(version, description, contentType, content));
        return version;
    }

    private synchronized Response getHosted(java.util.regex.Matcher m, HttpExchange x, byte[] b) {
        int n = Integer.parseInt(m.group(3));
        for (Hosted h : hosted.getOrDefault(m.group(1) + "/" + m.group(2), List.of())) {
            if (h.version() == n) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Application-Id", m.group(1));
                headers.put("Configuration-Profile-Id", m.group(2));
                headers.put("Version-Number", Integer.toString(n));
                headers.put("Content-Type", h.contentType());
                if (h.description() != null) {
                    headers.put("Description", h.description());
                }
                return new Response(200, headers, h.content());
            }
        }
        return Response.error(404, "ResourceNotFoundException", "Hosted configuration version " + n + " not found");
    }

    private synchronized Response createStrategy(java.util.regex.Matcher m, HttpExchange x, byte[] body) throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree(body);
        int duration = s.path("DeploymentDurationInMinutes").asInt(-1);
        int bake = s.path("FinalBakeTimeInMinutes").asInt(0);
        double growth = s.path("GrowthFactor").asDouble(-1);
        if (duration < 0 || duration > 1440 || bake < 0 || bake > 1440 || growth < 1 || growth > 100) {
            return Response.error(400, "BadRequestException", "DeploymentDurationInMinutes and FinalBakeTimeInMinutes must be 0-1440, GrowthFactor 1.0-100.0");
        }
        String id = "strat" + (ids++);
        s.put("Id", id);
        strategies.put(id, s);
        return Response.json(201, s);
    }

    private synchronized Response startDeployment(java.util.regex.Matcher m, HttpExchange x, byte[] body) throws Exception {
        String key = m.group(1) + "/" + URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        ObjectNode env = environments.get(m.group(2));
        if (env == null) {
            return Response.error(404, "ResourceNotFoundException", "Environment " + m.group(2) + " not found");
        }
        for (FakeDeployment d : deployments.getOrDefault(key, List.of())) {
            if (d.inProgress()) {
                return Response.error(409, "ConflictException", "Deployment number " + d.number + " is already in progress for environment " + env.get("Name").asText());
            }
        }
        JsonNode req = JSON.readTree(body);
        ObjectNode strategy = strategies.get(req.path("DeploymentStrategyId").asText());
        if (strategy == null) {
            return Response.error(404, "ResourceNotFoundException", "Deployment strategy " + req.path("DeploymentStrategyId").asText() + " not found");
        }
        String profileId = req.path("ConfigurationProfileId").asText();
        ObjectNode profile = profiles.get(profileId);
        if (profile == null) {
            return Response.error(404, "ResourceNotFoundException", "Configuration profile " + profileId + " not found");
        }
        int version = Integer.parseInt(req.path("ConfigurationVersion").asText());
        if (hosted.getOrDefault(m.group(1) + "/" + profileId, List.of()).stream().noneMatch(h -> h.version() == version)) {
            return Response.error(404, "ResourceNotFoundException", "Hosted configuration version " + version + " not found");
        }
        String description = req.path("Description").asText(null);
        if (description != null && description.length() > 1024) {
            return Response.error(400, "BadRequestException", "Description must be at most 1024 characters");
        }
        List<FakeDeployment> list = deployments.computeIfAbsent(key, k -> new ArrayList<>());
        FakeDeployment d = new FakeDeployment(list.size() + 1, m.group(1), m.group(2), profileId, profile.get("Name").asText(), version,
                strategy, description, () -> monitorsOf(m.group(2)), cloudWatch, msPerMinute);
        list.add(d);
        return Response.json(201, d.toJson());
    }

    private synchronized List<String> monitorsOf(String envId) {
        List<String> alarms = new ArrayList<>();
        environments.get(envId).path("Monitors").forEach(mon -> alarms.add(mon.path("AlarmArn").asText()));
        return alarms;
    }

    private synchronized Response listDeployments(java.util.regex.Matcher m, HttpExchange x, byte[] b) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("Items");
        List<FakeDeployment> list = new ArrayList<>(deployments.getOrDefault(m.group(1) + "/" + m.group(2), List.of()));
        java.util.Collections.reverse(list);
        for (FakeDeployment d : list) {
            ObjectNode full = d.toJson();
            ObjectNode summary = a.addObject();
            for (String f : List.of("DeploymentNumber", "ConfigurationName", "ConfigurationVersion", "DeploymentDurationInMinutes",
                    "GrowthType", "GrowthFactor", "FinalBakeTimeInMinutes", "State", "PercentageComplete", "StartedAt", "CompletedAt")) {
                if (full.has(f)) {
                    summary.set(f, full.get(f));
                }
            }
        }
        return Response.json(200, o);
    }

    private synchronized Response getDeployment(java.util.regex.Matcher m, HttpExchange x, byte[] b) {
        FakeDeployment d = find(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
        return d == null ? Response.error(404, "ResourceNotFoundException", "Deployment " + m.group(3) + " not found") : Response.json(200, d.toJson());
    }

    private synchronized Response stopDeployment(java.util.regex.Matcher m, HttpExchange x, byte[] b) {
        FakeDeployment d = find(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
        if (d == null) {
            return Response.error(404, "ResourceNotFoundException", "Deployment " + m.group(3) + " not found");
        }
        boolean allowRevert = "true".equalsIgnoreCase(x.getRequestHeaders().getFirst("Allow-Revert"));
        if (!d.inProgress()) {
            if (allowRevert && d.state().equals("COMPLETE")) {
                if (!d.revertable()) {
                    return Response.error(400, "BadRequestException", "Deployment " + d.number + " completed more than 72 hours ago and cannot be reverted");
                }
                d.revert();
                return Response.json(202, d.toJson());
            }
            return Response.error(400, "BadRequestException", "Deployment " + d.number + " is not in progress");
        }
        d.stop();
        return Response.json(202, d.toJson());
    }

    private FakeDeployment find(String app, String env, int n) {
        for (FakeDeployment d : deployments.getOrDefault(app + "/" + env, List.of())) {
            if (d.number == n) {
                return d;
            }
        }
        return null;
    }
}
