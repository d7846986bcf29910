package com.connectopsreview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every analyzer function has a payload in events/ for {@code sam local invoke}, naming its own component. */
class EventsTest {

  @Test
  void everyRegistryAnalyzer_hasAnEventForItsOwnComponent() throws IOException {
    Path events = repoRoot().resolve("events");
    for (String name : AnalyzerRegistry.names()) {
      Path file = events.resolve("analyzer-request-" + name + ".json");
      assertTrue(Files.isRegularFile(file), "events/" + file.getFileName() + " for " + name);
      AnalyzerRequest request = Json.fromBytes(Files.readAllBytes(file), AnalyzerRequest.class);
      assertEquals(name, request.component(), file.getFileName().toString());
      assertTrue(request.window().start().isBefore(request.window().end()));
    }
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no events/ above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
