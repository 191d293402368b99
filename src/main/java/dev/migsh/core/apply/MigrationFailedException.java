package dev.migsh.core.apply;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.postgres.ServerError;

/**
 * A statement of a migration failed on the server: names the migration, the section, the
 * statement (k of n) and its position as file:line:column, the SQLSTATE and message, and
 * for a lock timeout the sessions that blocked it. The hint says what state was left.
 */
public class MigrationFailedException extends MigshException {

	private final String migrationId;

	private final SectionKind section;

	private final int statement;

	private final int statements;

	private final String location;

	private final transient Optional<ServerError> error;

	private final transient List<Blocker> blockers;

	MigrationFailedException(String migrationId, SectionKind section, int statement, int statements, String location,
			Optional<ServerError> error, String problem, List<Blocker> blockers, String hint, Throwable cause) {
		super(message(migrationId, section, statement, statements, location, problem, blockers), hint, cause);
		this.migrationId = migrationId;
		this.section = section;
		this.statement = statement;
		this.statements = statements;
		this.location = location;
		this.error = error;
		this.blockers = List.copyOf(blockers);
	}

	private static String message(String id, SectionKind section, int statement, int statements, String location,
			String problem, List<Blocker> blockers) {
		String text = "Migration " + id + " failed at " + section.word() + " statement " + statement + " of "
				+ statements + " (" + location + "): " + problem;
		if (!blockers.isEmpty()) {
			text += ". Blocked by " + blockers.stream().map(Blocker::describe).collect(Collectors.joining(", "));
		}
		return text;
	}

	public String migrationId() {
		return this.migrationId;
	}

	public SectionKind section() {
		return this.section;
	}

	/** 1-based index of the failed statement. */
	public int statement() {
		return this.statement;
	}

	public int statements() {
		return this.statements;
	}

	/**
	 * file:line:column of the error (or of the statement when the server gave no
	 * position).
	 */
	public String location() {
		return this.location;
	}

	public Optional<String> sqlState() {
		return this.error.map(ServerError::sqlState);
	}

	public Optional<ServerError> error() {
		return this.error;
	}

	public List<Blocker> blockers() {
		return this.blockers;
	}

}
