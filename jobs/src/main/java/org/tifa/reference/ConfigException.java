package org.tifa.reference;

/** A configuration or usage error a person can fix: reported in one line, exit code 2. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
