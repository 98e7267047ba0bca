/**
 * Resolution of records to a region, plain Java: {@link org.tifa.resolve.RegionResolver} takes a
 * record's given region fields, title and body and returns a {@link
 * org.tifa.resolve.RegionResolution}: the region, how it was found and, where the given fields and
 * the text disagree, both and which one won.
 */
package org.tifa.resolve;
