package com.connectopsreview.local.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A list of scenario entities generated on demand from their index: a HUGE contact center costs no
 * memory until it is read, and reading entity {@code i} never needs entities {@code 0..i-1}.
 *
 * @param <T> the entity record
 */
public final class EntityList<T> {

  private final int size;
  private final IntFunction<T> factory;
  private final IntFunction<String> idOf;

  public EntityList(int size, IntFunction<T> factory, IntFunction<String> idOf) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    this.size = size;
    this.factory = factory;
    this.idOf = idOf;
  }

  public int size() {
    return size;
  }

  public T get(int index) {
    Objects.checkIndex(index, size);
    return factory.apply(index);
  }

  /** The id of entity {@code index}, without generating the rest of it. */
  public String id(int index) {
    Objects.checkIndex(index, size);
    return idOf.apply(index);
  }

  /** The index of the entity with this id, or -1. A scan over ids only (cheap even for HUGE). */
  public int indexOf(String id) {
    if (id == null) {
      return -1;
    }
    for (int i = 0; i < size; i++) {
      if (id.equals(idOf.apply(i))) {
        return i;
      }
    }
    return -1;
  }

  public Optional<T> byId(String id) {
    int index = indexOf(id);
    return index < 0 ? Optional.empty() : Optional.of(get(index));
  }

  /** The entity with this id or, failing that, this ARN (a scan over every entity). */
  public Optional<T> byIdOrArn(String idOrArn, Function<T, String> arnOf) {
    return byId(idOrArn).or(() -> stream().filter(e -> arnOf.apply(e).equals(idOrArn)).findFirst());
  }

  public Stream<T> stream() {
    return IntStream.range(0, size).mapToObj(factory);
  }

  /** Writes every entity as the array member {@code name} of a scenario dump. */
  public void writeJson(JsonGenerator g, String name) throws IOException {
    g.writeArrayFieldStart(name);
    for (int i = 0; i < size; i++) {
      g.writeObject(get(i));
    }
    g.writeEndArray();
  }
}
