/**
 * Spark plumbing: {@link org.tifa.spark.Sessions} (the one session of a job), {@link
 * org.tifa.spark.Logs} (quiet logging) and {@link org.tifa.spark.Lineage} (persisted stage
 * boundaries with short query plans).
 */
package org.tifa.spark;
