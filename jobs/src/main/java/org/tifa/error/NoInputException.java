package org.tifa.error;

/** A path that names nothing readable: reported in one line, exit code 3. */
public final class NoInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public NoInputException(String message) {
    super(message);
  }
}
