/**
 * The errors a person can cause and fix (a bad option or configuration, a path that names nothing):
 * the command line reports each in one line with its own exit code, never as a stack trace.
 */
package org.tifa.error;
