package org.tifa;

public final class Tifa {
  public static void main(String[] args) {}
}
