package dev.migsh.core.schema;

/**
 * A trigger on the described table.
 *
 * @param name the trigger name, unquoted
 * @param definition pg_get_triggerdef's full {@code CREATE TRIGGER ...} text
 * @param firing when it fires (pg_trigger.tgenabled)
 * @param internal whether the system created it (e.g. for a deferrable constraint)
 * @param parentTable for a trigger a partition inherits, the table it was declared on;
 * else null
 */
public record TriggerInfo(String name, String definition, Firing firing, boolean internal, String parentTable) {

	/** pg_trigger.tgenabled: O (origin, the default), D, R or A. */
	public enum Firing {

		ENABLED, DISABLED, REPLICA_ONLY, ALWAYS;

		static Firing of(String code) {
			if (code == null) {
				return ENABLED;
			}
			return switch (code) {
				case "D", "f" -> DISABLED;
				case "R" -> REPLICA_ONLY;
				case "A" -> ALWAYS;
				default -> ENABLED;
			};
		}

	}

	/** The definition after {@code CREATE [CONSTRAINT] TRIGGER }, as psql shows it. */
	public String clause() {
		int at = this.definition.indexOf(" TRIGGER ");
		return (at < 0) ? this.definition : this.definition.substring(at + 9);
	}

}
