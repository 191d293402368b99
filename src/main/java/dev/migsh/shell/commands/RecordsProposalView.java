package dev.migsh.shell.commands;

import java.util.Optional;

import dev.migsh.core.ExitCode;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.shell.Invocation;

/**
 * What a history change (mark-applied, mark-pending, repair, reset) says before it runs:
 * its lines and the pre-flight; under {@code --dry-run} how the dry run ends.
 */
final class RecordsProposalView {

	private RecordsProposalView() {
	}

	/**
	 * Prints the proposal; with {@code --dry-run} also {@code done} (or {@code refused}
	 * when pre-flight refuses) and returns the exit code to stop with.
	 */
	static Optional<ExitCode> show(Invocation inv, RecordsProposal<?> proposal, String done, String refused) {
		proposal.lines().forEach(line -> inv.out().println("  " + line));
		PreflightView.print(proposal.checks(), inv.out());
		if (!inv.args().flag("dry-run")) {
			return Optional.empty();
		}
		inv.out().println(proposal.checks().refused() ? refused : done);
		return Optional.of(proposal.checks().refused() ? ExitCode.PREFLIGHT_REFUSED : ExitCode.OK);
	}

}
