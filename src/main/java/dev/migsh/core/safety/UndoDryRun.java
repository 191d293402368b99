package dev.migsh.core.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import dev.migsh.core.MigratorConfig;
import dev.migsh.core.lint.LintContext;
import dev.migsh.core.lint.Linter;
import dev.migsh.core.plan.CatalogFacts;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.UndoPlan;
import dev.migsh.core.postgres.Identifiers;
import dev.migsh.core.postgres.PostgresErrors;

/**
 * {@code undo --dry-run}: the down sections {@code undo} would run, their findings, and
 * the data they would destroy, measured in one READ ONLY transaction that takes no lock
 * beyond the ACCESS SHARE of a plain SELECT (with a short lock_timeout, so a busy table
 * falls back to an estimate rather than waiting). Nothing is executed and nothing is
 * recorded.
 */
public final class UndoDryRun {

	/**
	 * Tables up to this size (from relpages, read without a lock) are counted exactly;
	 * bigger ones are estimated from statistics.
	 */
	public static final long DEFAULT_EXACT_LIMIT_BYTES = 64L * 1024 * 1024;

	private static final String RELATION = """
			SELECT c.oid, n.nspname, c.relname, c.relpages::bigint * current_setting('block_size')::bigint,
			       c.reltuples::bigint
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.oid = pg_catalog.to_regclass(?) AND c.relkind IN ('r', 'p', 'm')""";

	private static final String COLUMN_EXISTS = """
			SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = ?::oid AND attname = ? AND attnum > 0
			  AND NOT attisdropped""";

	private static final String NULL_FRAC = """
			SELECT null_frac FROM pg_catalog.pg_stats WHERE schemaname = ? AND tablename = ? AND attname = ?
			LIMIT 1""";

	private static final String SCHEMA_ROWS = """
			SELECT count(*), coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""";

	private static final String SCHEMA_EXISTS = "SELECT pg_catalog.to_regnamespace(?) IS NOT NULL";

	private final DataSource dataSource;

	private final MigratorConfig config;

	private final long exactLimitBytes;

	public UndoDryRun(DataSource dataSource, MigratorConfig config) {
		this(dataSource, config, DEFAULT_EXACT_LIMIT_BYTES);
	}

	public UndoDryRun(DataSource dataSource, MigratorConfig config, long exactLimitBytes) {
		this.dataSource = dataSource;
		this.config = config;
		this.exactLimitBytes = exactLimitBytes;
	}

	/**
	 * Measures what the down sections of {@code plan} would destroy, changing nothing.
	 */
	public UndoPreview preview(UndoPlan plan) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			try {
				try (Statement st = connection.createStatement()) {
					st.execute("SET LOCAL lock_timeout = '1s'");
					st.execute("SET LOCAL statement_timeout = '30s'");
				}
				LintContext lint = CatalogFacts.read(connection, this.config.lockTimeout()).lintContext();
				Linter linter = new Linter();
				List<UndoPreview.Step> steps = new ArrayList<>();
				for (UndoPlan.Step step : plan.steps()) {
					var down = step.file().down().get();
					List<DataLossEstimate> losses = new ArrayList<>();
					for (DbObject object : step.rollback().destroys()) {
						losses.add(measure(connection, object));
					}
					steps.add(new UndoPreview.Step(step.file(), down.transactional(), down.statements(),
							linter.lint(down, lint), losses));
				}
				return new UndoPreview(steps);
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not measure what the undo would destroy", ex, "Check the connection.");
		}
	}

	private record Table(long oid, String schema, String name, long sizeBytes, long reltuples) {

		String sql() {
			return Identifiers.qualified(this.schema, this.name);
		}

	}

	private DataLossEstimate measure(Connection connection, DbObject object) throws SQLException {
		return switch (object.kind()) {
			case TABLE -> table(connection, object);
			case COLUMN -> column(connection, object);
			case SCHEMA -> schema(connection, object);
			default -> new DataLossEstimate(object, OptionalLong.empty(), false, true, false, "not measured");
		};
	}

	private DataLossEstimate table(Connection connection, DbObject object) throws SQLException {
		Optional<Table> table = resolve(connection, object.schema(), object.name());
		if (table.isEmpty()) {
			return new DataLossEstimate(object, OptionalLong.empty(), false, false, false, "");
		}
		Table t = table.get();
		if (t.sizeBytes() <= this.exactLimitBytes) {
			OptionalLong count = count(connection, "SELECT count(*) FROM " + t.sql());
			if (count.isPresent()) {
				return new DataLossEstimate(object, count, true, true, true, "counted");
			}
		}
		return estimate(object, t.reltuples(), 1.0, "estimate from pg_class.reltuples", true);
	}

	private DataLossEstimate column(Connection connection, DbObject object) throws SQLException {
		int dot = object.name().lastIndexOf('.');
		String columnName = object.name().substring(dot + 1);
		Optional<Table> table = resolve(connection, object.schema(), object.name().substring(0, dot));
		if (table.isEmpty() || !columnExists(connection, table.get().oid(), columnName)) {
			return new DataLossEstimate(object, OptionalLong.empty(), false, false, false, "");
		}
		Table t = table.get();
		if (t.sizeBytes() <= this.exactLimitBytes) {
			OptionalLong count = count(connection,
					"SELECT count(" + Identifiers.quote(columnName) + ") FROM " + t.sql());
			if (count.isPresent()) {
				return new DataLossEstimate(object, count, true, true, true, "counted");
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(NULL_FRAC)) {
			ps.setString(1, t.schema());
			ps.setString(2, t.name());
			ps.setString(3, columnName);
			try (ResultSet rs = ps.executeQuery()) {
				if (rs.next()) {
					return estimate(object, t.reltuples(), 1.0 - rs.getDouble(1), "estimate from pg_stats.null_frac",
							true);
				}
			}
		}
		return estimate(object, t.reltuples(), 1.0, "at most, from pg_class.reltuples; the column has no statistics",
				true);
	}

	private DataLossEstimate schema(Connection connection, DbObject object) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(SCHEMA_EXISTS)) {
			ps.setString(1, Identifiers.quote(object.name()));
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				if (!rs.getBoolean(1)) {
					return new DataLossEstimate(object, OptionalLong.empty(), false, false, false, "");
				}
			}
		}
		try (PreparedStatement ps = connection.prepareStatement(SCHEMA_ROWS)) {
			ps.setString(1, object.name());
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return new DataLossEstimate(object, OptionalLong.of(rs.getLong(2)), false, true, false,
						"estimate over " + rs.getLong(1) + " tables; not kept in migsh_trash");
			}
		}
	}

	private static DataLossEstimate estimate(DbObject object, long reltuples, double fraction, String note,
			boolean kept) {
		if (reltuples < 0) {
			return new DataLossEstimate(object, OptionalLong.empty(), false, true, kept,
					"the table was never analyzed; run ANALYZE for an estimate");
		}
		return new DataLossEstimate(object, OptionalLong.of(Math.round(reltuples * fraction)), false, true, kept, note);
	}

	/**
	 * A count, or empty when the table is locked by someone else or too slow to count.
	 */
	private static OptionalLong count(Connection connection, String sql) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			rs.next();
			long n = rs.getLong(1);
			connection.releaseSavepoint(savepoint);
			return OptionalLong.of(n);
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			return OptionalLong.empty();
		}
	}

	private static Optional<Table> resolve(Connection connection, Optional<String> schema, String name)
			throws SQLException {
		String sqlName = schema.map(s -> Identifiers.qualified(s, name)).orElse(Identifiers.quote(name));
		try (PreparedStatement ps = connection.prepareStatement(RELATION)) {
			ps.setString(1, sqlName);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					return Optional.empty();
				}
				return Optional
					.of(new Table(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
			}
		}
	}

	private static boolean columnExists(Connection connection, long oid, String column) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(COLUMN_EXISTS)) {
			ps.setLong(1, oid);
			ps.setString(2, column);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}
	}

}
