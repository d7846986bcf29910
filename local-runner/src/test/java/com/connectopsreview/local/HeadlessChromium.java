package com.connectopsreview.local;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol on a loopback port with the
 * JDK's WebSocket client: one page, every protocol event it sends kept in order. Started with a
 * throw-away profile and no background networking; {@link #close()} kills it and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {

  /** Bounds every wait on the browser, so a wedged browser fails the test instead of hanging it. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** The browser on PATH ({@code chromium}, else {@code chromium-browser}), if there is one. */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Starts {@code binary} with a blank page and connects to that page's DevTools endpoint. */
  static HeadlessChromium start(Path binary, int width, int height) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("report-chromium-");
    Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--hide-scrollbars", "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
    try {
      int port = devToolsPort(process, profile);
      String pageSocket = pageSocket(port);
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create(pageSocket), new Listener(message -> self[0].receive(message)))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, profile, socket);
      return self[0];
    } catch (IOException | InterruptedException | RuntimeException e) {
      kill(process, profile);
      throw e;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      kill(process, profile);
      throw new IOException("cannot connect to Chromium's DevTools: " + e, e);
    }
  }

  /** The port Chromium chose, from the DevToolsActivePort file it writes into the profile. */
  private static int devToolsPort(Process process, Path profile) throws IOException, InterruptedException {
    Path file = profile.resolve("DevToolsActivePort");
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("Chromium exited with " + process.exitValue() + ": "
            + Files.readString(profile.resolve("chromium.log")));
      }
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() >= 2) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      Thread.sleep(50);
    }
    throw new IOException("Chromium wrote no DevToolsActivePort within " + WAIT);
  }

  /** The WebSocket of the one page target. */
  private static String pageSocket(int port) throws IOException, InterruptedException {
    HttpResponse<String> list = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : Json.mapper().readTree(list.body())) {
      if ("page".equals(target.path("type").asText())) {
        return target.path("webSocketDebuggerUrl").asText();
      }
    }
    throw new IOException("Chromium lists no page target: " + list.body());
  }

  /** Sends a protocol command and waits for its result; a protocol error fails. */
  JsonNode send(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
    message.set("params", params == null ? Json.mapper().createObjectNode() : params);
    socket.sendText(Json.toString(message), true).join();
    try {
      JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(method + " had no answer within " + WAIT, e);
    }
  }

  JsonNode send(String method) {
    return send(method, null);
  }

  static ObjectNode params() {
    return Json.mapper().createObjectNode();
  }

  /** Waits until an event of {@code method} has arrived. */
  void await(String method) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (events(method).isEmpty()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no " + method + " within " + WAIT);
      }
      Thread.sleep(20);
    }
  }

  /** Every event received so far whose method is one of {@code methods}, in arrival order. */
  List<JsonNode> events(String... methods) {
    synchronized (events) {
      return events.stream().filter(e -> Stream.of(methods).anyMatch(m -> m.equals(e.path("method").asText())))
          .toList();
    }
  }

  private void receive(String text) {
    try {
      JsonNode message = Json.mapper().readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
        if (answer != null) {
          answer.complete(message);
        }
      } else {
        synchronized (events) {
          events.add(message);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("not JSON from DevTools: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    socket.abort();
    kill(process, profile);
  }

  private static void kill(Process process, Path profile) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temp profile is harmless.
    }
  }

  /** Reassembles fragmented text messages (a screenshot arrives in many frames). */
  private static final class Listener implements WebSocket.Listener {

    private final java.util.function.Consumer<String> onMessage;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Consumer<String> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        onMessage.accept(message);
      }
      webSocket.request(1);
      return null;
    }
  }
}
