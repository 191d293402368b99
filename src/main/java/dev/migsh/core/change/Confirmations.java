package dev.migsh.core.change;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;

/**
 * The confirmations a person gave for one proposal. {@code execute} refuses unless every
 * requirement of the proposal is among them, so no caller can skip the guard.
 */
public final class Confirmations {

	private final Set<Confirmation> given;

	private Confirmations(Set<Confirmation> given) {
		this.given = given;
	}

	public static Confirmations none() {
		return new Confirmations(EnumSet.noneOf(Confirmation.class));
	}

	/**
	 * Every requirement of {@code proposal} confirmed: for tests and callers that
	 * confirmed elsewhere.
	 */
	public static Confirmations all(Proposal proposal) {
		Confirmations confirmations = none();
		proposal.requirements().forEach(r -> confirmations.given.add(r.kind()));
		return confirmations;
	}

	public Confirmations with(Confirmation confirmation) {
		Set<Confirmation> more = EnumSet.noneOf(Confirmation.class);
		more.addAll(this.given);
		more.add(confirmation);
		return new Confirmations(more);
	}

	public boolean has(Confirmation confirmation) {
		return this.given.contains(confirmation);
	}

	/**
	 * Throws (exit code 3, nothing changed) when the proposal was refused by its checks
	 * or a requirement was not confirmed.
	 */
	public void check(Proposal proposal) {
		if (proposal.checks().refused()) {
			throw proposal.refusal();
		}
		List<Requirement> missing = proposal.requirements().stream().filter(r -> !has(r.kind())).toList();
		if (!missing.isEmpty()) {
			throw new MigshException(
					proposal.action() + " needs a confirmation it did not get (" + missing.get(0).reason()
							+ "); nothing was changed",
					"Answer the confirmation, or pass --yes in a reviewed script.", ExitCode.PREFLIGHT_REFUSED, null);
		}
	}

}
