package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The small sandbox's report as a person opens it: loaded from its file in headless Chromium, it
 * makes no request but the file, logs no console error, and the hostile names the scenario plants
 * ({@link PlantedProblems#hostileTexts()}) stay text: no script runs, no handler, link or image appears,
 * and the right-to-left override is shown rather than obeyed. The first screen is saved as
 * {@code target/report-screenshots/sandbox-small.png} for a person to look at, and the planted alarm's
 * line as {@code sandbox-small-hostile-name.png}.
 */
class ReportInBrowserTest {

  private static final Path SCREENSHOT = Path.of("target", "report-screenshots", "sandbox-small.png");

  /** What the loaded page holds that would let a stored string act: all of it must be empty or absent. */
  private static final String DOM_CHECKS = """
      (() => {
        const all = [...document.querySelectorAll('*')];
        const attrs = all.flatMap(e => [...e.attributes].map(a => ({tag: e.tagName, name: a.name, value: a.value})));
        const scriptUrl = /^[\\s\\u0000-\\u001f]*(javascript|data|vbscript):/i;
        return {
          scripts: document.querySelectorAll('script').length,
          handlers: attrs.filter(a => a.name.toLowerCase().startsWith('on')).map(a => a.tag + ' ' + a.name),
          scriptLinks: attrs.filter(a => /(^|:)(href|src|action|formaction)$/i.test(a.name) && scriptUrl.test(a.value))
              .map(a => a.tag + ' ' + a.name + '=' + a.value),
          images: [...document.querySelectorAll('img')].map(i => i.getAttribute('src') || '')
              .filter(s => !s.startsWith('data:')),
          embedders: document.querySelectorAll('iframe, frame, object, embed, base, form, meta[http-equiv="refresh" i]').length,
          pwned: typeof window.__pwned,
          bidiControls: /[\\u202A-\\u202E\\u2066-\\u2069]/.test(document.documentElement.outerHTML),
          text: document.body.textContent,
          title: document.title
        };
      })()""";

  /** Brings the innermost element naming the planted alarm into view (opening its details); answers its text. */
  private static final String SHOW_PLANT = """
      (() => {
        const named = e => e.textContent.includes('-queue-wait ');
        const el = [...document.querySelectorAll('body *')].find(e => named(e) && ![...e.children].some(named));
        if (!el) return '';
        for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
        el.scrollIntoView({block: 'center'});
        return el.textContent;
      })()""";
  private static final Path PLANT_SCREENSHOT = Path.of("target", "report-screenshots", "sandbox-small-hostile-name.png");

  private static Path chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() throws Exception {
    Optional<Path> found = HeadlessChromium.find();
    if (found.isEmpty() && canInstall()) {
      Process apt = new ProcessBuilder("apt-get", "install", "-y", "chromium").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!apt.waitFor(10, TimeUnit.MINUTES)) {
        apt.destroyForcibly();
      }
      found = HeadlessChromium.find();
    }
    if (found.isEmpty()) {
      throw new TestAbortedException("no chromium on PATH, and it cannot be installed here (that needs root and "
          + "apt-get): install Debian's chromium package to run the report's browser check");
    }
    chromium = found.get();
  }

  private static boolean canInstall() {
    return "root".equals(System.getProperty("user.name"))
        && Stream.of("/usr/bin/apt-get", "/bin/apt-get").anyMatch(p -> Files.isExecutable(Path.of(p)));
  }

  @Test
  void smallSandboxReport_inChromium_requestsNothing_logsNoError_andHostileNamesStayText() throws Exception {
    Path html = render();
    String url = html.toUri().toString();

    JsonNode page;
    List<JsonNode> requests;
    List<JsonNode> problems;
    try (HeadlessChromium browser = HeadlessChromium.start(chromium, 1280, 900)) {
      browser.send("Runtime.enable");
      browser.send("Log.enable");
      browser.send("Network.enable");
      browser.send("Page.enable");
      browser.send("Emulation.setDeviceMetricsOverride", HeadlessChromium.params().put("width", 1280)
          .put("height", 900).put("deviceScaleFactor", 1).put("mobile", false));
      JsonNode navigated = browser.send("Page.navigate", HeadlessChromium.params().put("url", url));
      assertFalse(navigated.has("errorText"), navigated::toString);
      browser.await("Page.loadEventFired");
      page = browser.send("Runtime.evaluate", HeadlessChromium.params().put("expression", DOM_CHECKS)
          .put("returnByValue", true)).path("result").path("value");
      JsonNode shot = browser.send("Page.captureScreenshot", HeadlessChromium.params().put("format", "png"));
      Files.createDirectories(SCREENSHOT.getParent());
      Files.write(SCREENSHOT, Base64.getDecoder().decode(shot.path("data").asText()));
      String plantShown = browser.send("Runtime.evaluate", HeadlessChromium.params().put("expression", SHOW_PLANT)
          .put("returnByValue", true)).path("result").path("value").asText();
      assertTrue(plantShown.contains("<script>"), "the planted alarm's name is on the page: " + plantShown);
      Files.write(PLANT_SCREENSHOT, Base64.getDecoder().decode(browser.send("Page.captureScreenshot",
          HeadlessChromium.params().put("format", "png")).path("data").asText()));
      requests = browser.events("Network.requestWillBeSent");
      problems = browser.events("Runtime.exceptionThrown", "Runtime.consoleAPICalled", "Log.entryAdded");
    }

    assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of a drawn page");
    List<String> elsewhere = new ArrayList<>();
    requests.forEach(r -> {
      String requested = r.path("params").path("request").path("url").asText();
      if (!requested.equals(url)) {
        elsewhere.add(requested);
      }
    });
    assertEquals(List.of(), elsewhere, "requests besides the report's own file");
    assertEquals(1, requests.size(), "the file itself was requested once");
    List<String> errors = new ArrayList<>();
    for (JsonNode p : problems) {
      String method = p.path("method").asText();
      JsonNode params = p.path("params");
      boolean error = switch (method) {
        case "Runtime.exceptionThrown" -> true;
        case "Runtime.consoleAPICalled" -> List.of("error", "assert").contains(params.path("type").asText());
        default -> "error".equals(params.path("entry").path("level").asText());
      };
      if (error) {
        errors.add(Json.toString(params));
      }
    }
    assertEquals(List.of(), errors, "console errors");

    assertEquals(0, page.path("scripts").asInt(), "script elements");
    assertEquals("[]", page.path("handlers").toString(), "event-handler attributes");
    assertEquals("[]", page.path("scriptLinks").toString(), "javascript:/data: links");
    assertEquals("[]", page.path("images").toString(), "images that are not inline data");
    assertEquals(0, page.path("embedders").asInt(), "frames, objects, base, forms, meta refresh");
    assertEquals("undefined", page.path("pwned").asText(), "a planted payload ran");
    assertFalse(page.path("bidiControls").asBoolean(), "a bidirectional control reached the page");
    // The plants were rendered (as text), so the checks above had something to refuse.
    String text = page.path("text").asText();
    for (PlantedProblems.HostileText hostile : PlantedProblems.hostileTexts()) {
      String shown = hostile.text().replace("\u202E", "[U+202E]");
      assertTrue(text.contains(shown), "shown as text: " + shown);
    }
    assertTrue(page.path("title").asText().contains("Connect"), page.path("title").asText());
  }

  /** The small sandbox reviewed by every analyzer, in process as the CLI does, and its report.html. */
  private Path render() throws IOException {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      ReviewOutcome outcome = SandboxReviews.run(box, new LocalDirectoryResultStore(dir), "browser-small",
          AnalyzerRegistry.names().toArray(String[]::new));
      outcome.components().forEach((name, status) -> assertEquals(ComponentStatus.OK, status, name));
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().equals("report.html")).findFirst().orElseThrow();
    }
  }
}
