package dev.migsh.core.apply;

import java.time.Instant;
import java.util.Optional;

/** The session holding the migration lock, from pg_locks joined with pg_stat_activity. */
public record LockHolder(int pid, String user, String application, Optional<String> clientAddress,
		Optional<Instant> backendStart, Optional<Instant> transactionStart, String state) {

	/**
	 * {@code pid 5123 (user ops, application 'migsh:alice@host1:apply', from 10.0.0.5, since ..., idle)}.
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("pid ").append(this.pid).append(" (user ").append(this.user);
		if (this.application != null && !this.application.isEmpty()) {
			text.append(", application '").append(this.application).append('\'');
		}
		text.append(", from ").append(this.clientAddress.orElse("local socket"));
		this.backendStart.ifPresent(at -> text.append(", connected since ").append(at));
		this.transactionStart.ifPresent(at -> text.append(", in a transaction since ").append(at));
		if (this.state != null) {
			text.append(", ").append(this.state);
		}
		return text.append(')').toString();
	}

}
