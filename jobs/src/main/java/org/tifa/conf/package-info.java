/** Access to the configuration files of {@code conf/} as they are packaged in the jar. */
package org.tifa.conf;
