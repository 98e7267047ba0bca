/**
 * Records set aside instead of dropped: {@link org.tifa.quarantine.QuarantineReason} (the reason
 * codes) and {@link org.tifa.quarantine.StageResult} (a fallible stage's good rows and quarantine
 * rows, in the quarantine table's schema).
 */
package org.tifa.quarantine;
