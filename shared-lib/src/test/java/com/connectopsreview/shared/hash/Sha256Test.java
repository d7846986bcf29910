package com.connectopsreview.shared.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Sha256Test {

  @Test
  void hex_matchesTheFipsTestVectors() {
    // FIPS 180-2, appendix B.1 and the empty message.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
  }

  @Test
  void hex_ofTextIsOverItsUtf8Bytes() {
    assertEquals(Sha256.hex("Zürich".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Sha256.hex("Zürich"));
  }
}
