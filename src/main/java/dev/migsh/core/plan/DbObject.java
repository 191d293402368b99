package dev.migsh.core.plan;

import java.util.Optional;

/**
 * A database object a statement names: its kind, the name as written (quotes kept, fit
 * for {@code to_regclass}), and the folded schema and name PostgreSQL would store.
 */
public record DbObject(Kind kind, String sqlName, Optional<String> schema, String name) {

	public enum Kind {

		TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, TYPE, DOMAIN, FUNCTION, PROCEDURE, SCHEMA, COLUMN, CONSTRAINT;

		public String word() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		}

	}

	/** {@code table public.users}, {@code column users.bio}. */
	public String describe() {
		return this.kind.word() + " " + this.sqlName;
	}

}
