/**
 * Resolution of records to a region: the plain-Java {@link org.tifa.resolve.RegionResolver} takes a
 * record's given region fields, title and body and returns a {@link
 * org.tifa.resolve.RegionResolution}; the Spark stage {@link org.tifa.resolve.ResolveRegion}
 * applies it to every document.
 */
package org.tifa.resolve;
