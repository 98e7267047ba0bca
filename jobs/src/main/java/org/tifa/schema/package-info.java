/**
 * The output contract in code: column names ({@link org.tifa.schema.Columns}), the tables' Spark
 * schemas and schema version ({@link org.tifa.schema.Tables}, kept in step with {@code
 * schemas/*.schema.json} by a test) and the values of the dimension columns ({@link
 * org.tifa.schema.Dimensions}).
 */
package org.tifa.schema;
