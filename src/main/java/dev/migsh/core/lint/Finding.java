package dev.migsh.core.lint;

import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.catalog.SqlStatement;

/**
 * One safety rule firing on one statement: what is wrong, why it matters and the safe way
 * to write it. A suppressed finding is still reported (so {@code plan} can show it) with
 * the reason its author gave.
 */
public record Finding(String ruleId, RuleFamily family, Severity severity, String message, String why,
		String safeAlternative, SqlStatement statement, SectionKind section, boolean suppressed,
		String suppressionReason) {

	/** True when the statement destroys data (DL rules), whatever the severity. */
	public boolean dataLoss() {
		return this.family == RuleFamily.DATA_LOSS;
	}

	/** True for an ERROR that was not suppressed: something an apply must stop for. */
	public boolean blocking() {
		return this.severity == Severity.ERROR && !this.suppressed;
	}

	/** This finding, marked as acknowledged by an inline {@code migsh:allow} comment. */
	public Finding suppress(String reason) {
		return new Finding(this.ruleId, this.family, this.severity, this.message, this.why, this.safeAlternative,
				this.statement, this.section, true, reason);
	}

}
