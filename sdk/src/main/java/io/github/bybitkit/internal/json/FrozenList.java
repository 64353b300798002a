package io.github.bybitkit.internal.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * For generated code only: the unmodifiable list in BybitKit's models (elements may be null). A model keeps a
 * frozen list it is given as it is and copies any other list into one, so a list {@link JsonValues#readList} decodes
 * is built once, not read into one list and then copied into another.
 *
 * @param <E> the element type
 */
public final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
  private static final Object[] NONE = {};

  private final Object[] elements; // owned: no one else holds it
  private final int size;

  private FrozenList(Object[] elements, int size) {
    this.elements = elements;
    this.size = size;
  }

  /**
   * {@code list} itself when it is frozen already, else an unmodifiable copy of it.
   *
   * @param list a list, not null; its elements may be null
   */
  @SuppressWarnings("unchecked")
  public static <E> List<E> copyOf(List<? extends E> list) {
    if (list instanceof FrozenList<?>) {
      return (List<E>) list;
    }
    Object[] copy = list.toArray(); // a fresh array: toArray must not return one the list keeps
    if (copy.getClass() != Object[].class) {
      copy = Arrays.copyOf(copy, copy.length, Object[].class);
    }
    return new FrozenList<>(copy, copy.length);
  }

  /** Takes over {@code elements}, of which the first {@code size} are the list; the caller drops its reference. */
  static <E> FrozenList<E> own(Object[] elements, int size) {
    return new FrozenList<>(size == 0 ? NONE : elements, size);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    Objects.checkIndex(index, size);
    return (E) elements[index];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(Consumer<? super E> action) {
    Objects.requireNonNull(action);
    for (int i = 0; i < size; i++) {
      action.accept((E) elements[i]);
    }
  }

  @Override
  public Object[] toArray() {
    return Arrays.copyOf(elements, size);
  }

  // Every mutator fails, even when it would change nothing, as Collections.unmodifiableList's do.

  @Override
  public boolean add(E e) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean addAll(Collection<? extends E> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean addAll(int index, Collection<? extends E> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean remove(Object o) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean removeAll(Collection<?> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean retainAll(Collection<?> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean removeIf(Predicate<? super E> filter) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void replaceAll(UnaryOperator<E> operator) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sort(Comparator<? super E> c) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }
}
