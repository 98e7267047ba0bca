package org.tifa.schema;

import java.util.List;

/** Values of the dimension columns that stages and commands share. */
public final class Dimensions {
  private Dimensions() {}

  /** The values of {@link Columns#REGION_LEVEL}, from the coarsest down. */
  public static final List<String> REGION_LEVELS =
      List.of("country", "province", "prefecture", "county");

  /** The {@link Columns#PERIOD} of a comparison over the whole of each snapshot. */
  public static final String WHOLE_PERIOD = "all";
}
