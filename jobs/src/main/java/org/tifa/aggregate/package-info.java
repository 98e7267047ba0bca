/**
 * The output tables built from the accepted documents: {@link org.tifa.aggregate.BuildDocuments}
 * (documents, in the documented column order), {@link org.tifa.aggregate.CountTerms} (term_counts
 * by grain, period, region level and term, with denominators), {@link
 * org.tifa.aggregate.BuildTerms} (terms), {@link org.tifa.aggregate.BuildRegions} (regions) and
 * {@link org.tifa.aggregate.BuildPassages} (mentions and texts). In: Datasets and reference data.
 * Out: Datasets; nothing is written here. Two steps run Spark work of their own: {@code
 * CountTerms.Survey.of} reads one row of figures (the days, regions and hits present), and {@code
 * BuildTerms} persists the per-term totals that two of its joins read.
 */
package org.tifa.aggregate;
