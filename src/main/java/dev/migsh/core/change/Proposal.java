package dev.migsh.core.change;

import java.util.List;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.safety.CheckResult;
import dev.migsh.core.safety.PreflightReport;

/**
 * What a change would do, before it does it: its pre-flight checks, what it destroys, and
 * the confirmations it needs. Made by a use case's {@code propose}; its {@code execute}
 * takes the migration lock, checks again under the lock that the history is as proposed,
 * and refuses naming what changed.
 */
public interface Proposal {

	/** The command, as typed: {@code apply}, {@code trash purge}. */
	String command();

	/** What it does, for the guard's question: {@code apply 3 migrations}. */
	String action();

	PreflightReport checks();

	List<Requirement> requirements();

	/** True when there is nothing to do; execute then changes nothing. */
	boolean isEmpty();

	/** The refusal when the checks have a ✖ (exit code 3, nothing changed). */
	default MigshException refusal() {
		List<CheckResult> failures = checks().failures();
		String names = String.join(", ", failures.stream().map(CheckResult::name).toList());
		String hint = failures.isEmpty() || failures.get(0).hint().isBlank()
				? "Fix what the ✖ lines name, then run " + command() + " again." : failures.get(0).hint();
		return new MigshException("Pre-flight refused the " + command() + ": " + names + " failed; nothing was changed",
				hint, ExitCode.PREFLIGHT_REFUSED, null);
	}

}
