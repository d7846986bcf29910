package com.connectopsreview.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryResultStoreTest extends ResultStoreContract {

  @TempDir Path dir;
  private LocalDirectoryResultStore store;

  @BeforeEach
  void createStore() {
    store = new LocalDirectoryResultStore(dir);
  }

  @Override
  protected ResultStore store() {
    return store;
  }

  @Test
  void putArtifact_returnsTheFilePath() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));

    String location = store.putArtifact("r-1", "report.html", "text/html", bytes("<html></html>"));

    assertEquals(dir.resolve("reviews/r-1/artifacts/report.html").toString(), location);
    assertTrue(Files.isRegularFile(Path.of(location)));
  }

  @Test
  void constructor_whenRootIsAFile_throwsStoreExceptionNamingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

    StoreException e = assertThrows(StoreException.class, () -> new LocalDirectoryResultStore(file));

    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
