package dev.modelctl.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny in-process HTTP server with method + path-pattern routes, for fake AWS services that speak the wire protocol. */
public abstract class FakeHttp implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Route> routes = new ArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    private volatile Response failEverything;

    /** From now on every request gets this AWS error (access denied, throttling past retries, …). */
    public void failEveryRequest(int status, String type, String message) {
        failEverything = Response.error(status, type, message);
    }

    private record Injected(String method, Pattern path, Response response, AtomicInteger left) {
    }

    private final List<Injected> injected = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * The next {@code times} requests matching method and path get this AWS error instead of an answer (a transient
     * throttle or 5xx on one operation, while the others work).
     */
    public void failNext(String method, String pathRegex, int times, int status, String type, String message) {
        injected.add(new Injected(method, Pattern.compile(pathRegex), Response.error(status, type, message), new AtomicInteger(times)));
    }

    private record Delay(String method, Pattern path, long millis, AtomicInteger left) {
    }

    private final List<Delay> delays = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The next request matching method and path is answered only after {@code millis} (a slow call in flight). */
    public void delayNext(String method, String pathRegex, long millis) {
        delays.add(new Delay(method, Pattern.compile(pathRegex), millis, new AtomicInteger(1)));
    }

    /** One HTTP response. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        static Response json(int status, Object body) {
            try {
                return new Response(status, Map.of("Content-Type", "application/json"), JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An AWS REST-JSON error: the type in x-amzn-ErrorType and a JSON message. */
        static Response error(int status, String type, String message) {
            ObjectNode body = JSON.createObjectNode().put("Message", message).put("message", message);
            return new Response(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                    body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @FunctionalInterface
    protected interface Handler {
        Response handle(Matcher path, HttpExchange exchange, byte[] body) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    static {
        // TCP_NODELAY: without it the JDK server's separate header and body writes meet the client's delayed ACK and
        // every call takes ~40 ms more than a real service would (read once, when the first server is created)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    protected FakeHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // never the bottleneck of a concurrency test
    }

    protected void route(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
    }

    public FakeHttp start() {
        server.start();
        return this;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        Response response = failEverything;
        try {
            if (response != null) {
                throw new SkipRouting();
            }
            for (Delay d : delays) {
                if (d.method().equals(exchange.getRequestMethod()) && d.path().matcher(path).matches() && d.left().getAndDecrement() > 0) {
                    Thread.sleep(d.millis());
                }
            }
            for (Injected i : injected) {
                if (i.method().equals(exchange.getRequestMethod()) && i.path().matcher(path).matches() && i.left().getAndDecrement() > 0) {
                    response = i.response();
                    throw new SkipRouting();
                }
            }
            for (Route r : routes) {
                Matcher m = r.path.matcher(path);
                if (r.method.equals(exchange.getRequestMethod()) && m.matches()) {
                    response = r.handler.handle(m, exchange, body);
                    break;
                }
            }
            if (response == null) {
                response = Response.error(404, "ResourceNotFoundException", "no route for " + exchange.getRequestMethod() + " " + path);
            }
        } catch (SkipRouting injected) {
            // an injected failure answers instead of the routes
        } catch (Exception e) {
            response = Response.error(500, "InternalServerException", String.valueOf(e));
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static final class SkipRouting extends RuntimeException {
        SkipRouting() {
            super(null, null, false, false);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
