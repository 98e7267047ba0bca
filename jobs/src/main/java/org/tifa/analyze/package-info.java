/**
 * The run's per-document pass. {@link org.tifa.analyze.DocumentAnalyzer}, plain Java, does all the
 * work on one record by itself: normalize, resolve the region, find quoted slogan candidates, sign
 * for near duplicates. {@link org.tifa.analyze.AnalyzeDocuments} applies it to every record read as
 * one function call per record and spreads its result into columns, which the later stages read
 * instead of the texts.
 */
package org.tifa.analyze;
