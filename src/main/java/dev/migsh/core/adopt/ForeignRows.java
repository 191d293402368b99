package dev.migsh.core.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each tool's history rows into {@link ForeignEntry entries}, in the order the tool
 * applied them. Only SELECTs, with the table and columns quoted as the catalog spells
 * them.
 */
final class ForeignRows {

	static final String COUNT = "SELECT count(*) FROM {table}";

	static final String SEQUELIZE = "SELECT {name} FROM {table} ORDER BY {name}";

	static final String FLYWAY = """
			SELECT {installed_rank}, {version}, {description}, {type}, {script}, {checksum}, {installed_on}, {success}
			FROM {table} ORDER BY {installed_rank}""";

	static final String GOLANG_MIGRATE = "SELECT {version}, {dirty} FROM {table} ORDER BY {version}";

	static final String VERSIONS = "SELECT {version} FROM {table} ORDER BY {version}";

	static final String LIQUIBASE = """
			SELECT {id}, {author}, {filename}, {dateexecuted}, {exectype}, {md5sum}, {description}
			FROM {table} ORDER BY {dateexecuted}, {orderexecuted}""";

	static final String PRISMA = """
			SELECT {id}, {checksum}, {finished_at}, {migration_name}, {rolled_back_at}, {started_at}
			FROM {table} ORDER BY {started_at}, {migration_name}""";

	static final String KNEX = "SELECT {id}, {name}, {batch}, {migration_time} FROM {table} ORDER BY {id}";

	static final String ALEMBIC = "SELECT {version_num} FROM {table} ORDER BY {version_num}";

	private static final Pattern LEADING_VERSION = Pattern.compile("^(\\d+)(?:[-_.].*)?$");

	private static final Pattern SCRIPT_EXTENSION = Pattern.compile("\\.(sql|js|ts|cjs|mjs|py|rb|sh|ps1|cmd|bat)$",
			Pattern.CASE_INSENSITIVE);

	private final Connection connection;

	private final TableShape shape;

	ForeignRows(Connection connection, TableShape shape) {
		this.connection = connection;
		this.shape = shape;
	}

	long count() throws SQLException {
		try (PreparedStatement ps = this.connection.prepareStatement(this.shape.render(COUNT));
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	List<ForeignEntry> read(ForeignTool tool) throws SQLException {
		return switch (tool) {
			case SEQUELIZE -> query(SEQUELIZE, rs -> named(rs.getString(1)));
			case FLYWAY -> flyway();
			case GOLANG_MIGRATE -> query(GOLANG_MIGRATE, rs -> {
				long version = rs.getLong(1);
				ForeignState state = rs.getBoolean(2) ? ForeignState.DIRTY : ForeignState.APPLIED;
				return new ForeignEntry(version < 0 ? "" : Long.toString(version), "", "", Optional.empty(), state, "",
						Long.toString(version));
			});
			case DBMATE, RAILS -> query(VERSIONS, rs -> new ForeignEntry(rs.getString(1), "", "", Optional.empty(),
					ForeignState.APPLIED, "", rs.getString(1)));
			case LIQUIBASE -> query(LIQUIBASE, ForeignRows::liquibase);
			case PRISMA -> query(PRISMA, ForeignRows::prisma);
			case KNEX -> query(KNEX, rs -> {
				String stem = stem(rs.getString(2));
				return new ForeignEntry(leadingVersion(stem), stem, "batch " + rs.getInt(3),
						instant(rs.getTimestamp(4)), ForeignState.APPLIED, "", rs.getString(1));
			});
			case ALEMBIC -> query(ALEMBIC, rs -> {
				String head = rs.getString(1);
				return new ForeignEntry(head.matches("\\d+") ? head : "", head, "", Optional.empty(),
						ForeignState.APPLIED, "", head);
			});
		};
	}

	/**
	 * The version a file stem starts with ({@code 001} of {@code 001-create-users}), or
	 * "".
	 */
	static String leadingVersion(String stem) {
		Matcher m = LEADING_VERSION.matcher(stem);
		return m.matches() ? m.group(1) : "";
	}

	/** A file name without its folder and its script extension. */
	static String stem(String fileName) {
		if (fileName == null) {
			return "";
		}
		String name = fileName.substring(fileName.lastIndexOf('/') + 1);
		return SCRIPT_EXTENSION.matcher(name).replaceFirst("");
	}

	private static ForeignEntry named(String fileName) {
		String stem = stem(fileName);
		return new ForeignEntry(leadingVersion(stem), stem, "", Optional.empty(), ForeignState.APPLIED, "", fileName);
	}

	/**
	 * Flyway's rows folded: an UNDO or DELETE row turns the version's last row into
	 * {@link ForeignState#UNDONE} and is not listed itself; the schema-creation row is
	 * not a migration.
	 */
	private List<ForeignEntry> flyway() throws SQLException {
		List<ForeignEntry> entries = new ArrayList<>();
		Map<String, Integer> lastOfVersion = new HashMap<>();
		try (PreparedStatement ps = this.connection.prepareStatement(this.shape.render(FLYWAY));
				ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				String version = rs.getString(2) == null ? "" : rs.getString(2);
				String type = String.valueOf(rs.getString(4)).toUpperCase(Locale.ROOT);
				boolean success = rs.getBoolean(8);
				if (type.equals("SCHEMA")) {
					continue;
				}
				if (type.startsWith("UNDO_") || type.equals("DELETE")) {
					Integer undone = lastOfVersion.get(version);
					if (success && undone != null) {
						entries.set(undone, entries.get(undone).withState(ForeignState.UNDONE));
					}
					continue;
				}
				ForeignState state = !success ? ForeignState.FAILED
						: type.contains("BASELINE") ? ForeignState.BASELINE : ForeignState.APPLIED;
				String checksum = rs.getObject(6) == null ? "" : Integer.toString(rs.getInt(6));
				entries.add(new ForeignEntry(version, flywayName(rs.getString(5), type), rs.getString(3),
						instant(rs.getTimestamp(7)), state, checksum, rs.getString(1)));
				if (!version.isEmpty()) {
					lastOfVersion.put(version, entries.size() - 1);
				}
			}
		}
		return entries;
	}

	private static String flywayName(String script, String type) {
		if (script == null || script.startsWith("<<")) {
			return "";
		}
		if (type.contains("JDBC") || type.equals("JAVA")) {
			return script.substring(script.lastIndexOf('.') + 1);
		}
		return stem(script);
	}

	private static ForeignEntry liquibase(ResultSet rs) throws SQLException {
		String id = rs.getString(1);
		String file = stem(rs.getString(3));
		String name = leadingVersion(file).isEmpty() ? id : file;
		ForeignState state = switch (String.valueOf(rs.getString(5)).toUpperCase(Locale.ROOT)) {
			case "FAILED" -> ForeignState.FAILED;
			case "SKIPPED" -> ForeignState.SKIPPED;
			default -> ForeignState.APPLIED;
		};
		return new ForeignEntry(leadingVersion(name), name, rs.getString(7), instant(rs.getTimestamp(4)), state,
				rs.getString(6), id + "::" + rs.getString(2) + "::" + rs.getString(3));
	}

	private static ForeignEntry prisma(ResultSet rs) throws SQLException {
		String name = rs.getString(4);
		Timestamp finished = rs.getTimestamp(3);
		ForeignState state = rs.getTimestamp(5) != null ? ForeignState.ROLLED_BACK
				: finished == null ? ForeignState.FAILED : ForeignState.APPLIED;
		Optional<Instant> at = instant(finished != null ? finished : rs.getTimestamp(6));
		return new ForeignEntry(leadingVersion(name), name, "", at, state, rs.getString(2), rs.getString(1));
	}

	private static Optional<Instant> instant(Timestamp timestamp) {
		return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
	}

	private List<ForeignEntry> query(String template, Row row) throws SQLException {
		List<ForeignEntry> entries = new ArrayList<>();
		try (PreparedStatement ps = this.connection.prepareStatement(this.shape.render(template));
				ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				entries.add(row.map(rs));
			}
		}
		return entries;
	}

	@FunctionalInterface
	private interface Row {

		ForeignEntry map(ResultSet rs) throws SQLException;

	}

}
