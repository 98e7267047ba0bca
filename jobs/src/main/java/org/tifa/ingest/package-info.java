/**
 * Reading input: {@link org.tifa.ingest.ListInputs} expands paths on the driver; {@link
 * org.tifa.ingest.ReadReports} reads the files in Spark tasks and enforces the input contract with
 * the pure {@link org.tifa.ingest.ReportFileReader}, {@link org.tifa.ingest.ParseReport} and {@link
 * org.tifa.ingest.PublishedAt}. Out: accepted records and quarantine rows (stage {@code ingest}).
 */
package org.tifa.ingest;
