/**
 * Resolution of records to a region: {@link org.tifa.resolve.RegionResolver} takes a record's
 * given region fields, title and body and returns a {@link org.tifa.resolve.RegionResolution}.
 */
package org.tifa.resolve;
