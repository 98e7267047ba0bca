package org.tifa;

import org.tifa.reference.Gazetteer;
import org.tifa.resolve.RegionResolver;

/**
 * The reference data of a run, loaded once on the driver before Spark starts and then broadcast:
 * the gazetteer and what is built from it.
 */
public final class ReferenceData {
  private final Gazetteer gazetteer;
  private final RegionResolver regionResolver;

  private ReferenceData(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.regionResolver = new RegionResolver(gazetteer);
  }

  /** The bundled reference data (conf/ packaged in the jar). */
  public static ReferenceData bundled() {
    return new ReferenceData(Gazetteer.loadDefault());
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public RegionResolver regionResolver() {
    return regionResolver;
  }
}
