package dev.migsh.core.safety;

import java.sql.SQLException;

/**
 * One pre-flight check run before {@code apply} changes anything. A check only reads: it
 * never takes a lock on a user table and never writes.
 */
public interface PreflightCheck {

	/** A short name, {@code migration lock}. */
	String name();

	CheckResult run(PreflightContext context) throws SQLException;

}
