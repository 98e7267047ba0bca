/**
 * The output tables built from accepted documents: {@link org.tifa.aggregate.BuildDocuments}
 * (documents, in the documented column order), {@link org.tifa.aggregate.CountTerms}
 * (term_counts by grain, period, region level and term, with denominators), {@link
 * org.tifa.aggregate.BuildTerms} (terms) and {@link org.tifa.aggregate.BuildRegions} (regions).
 * In: Datasets and reference data. Out: Datasets. No I/O, no actions.
 */
package org.tifa.aggregate;
