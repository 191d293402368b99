package dev.migsh.core.lint;

import java.util.List;

/**
 * A safety rule over one statement of a section. Rules are stateless; anything they need
 * about the rest of the section or the server comes through the {@link StatementContext}.
 */
public interface Rule {

	/** Stable id from the safety catalogue, {@code DL-02}. */
	String id();

	RuleFamily family();

	Severity severity();

	/** One line naming the pattern, for {@code report} and documentation. */
	String title();

	/** Why the pattern is dangerous, in general terms. */
	String why();

	/** The safe way to do the same thing, written out. */
	String safeAlternative();

	List<Finding> check(StatementContext ctx);

}
