package dev.migsh.core.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.catalog.MigrationDirectory;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.NewMigration;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.history.AuditAction;
import dev.migsh.core.history.AuditOutcome;
import dev.migsh.core.history.HistoryState;
import dev.migsh.core.postgres.PostgresErrors;
import dev.migsh.core.schema.Baseline;
import dev.migsh.core.schema.BaselineProof;
import dev.migsh.core.schema.BaselineScript;

/**
 * The {@code baseline} command: reads the live schema into a migration, proves it by
 * building it in a scratch database and comparing, and only then writes
 * {@code <version>-baseline.sql} and records it as applied (state baseline) with an audit
 * row, under the migration lock.
 */
public final class RecordBaseline {

	static final String NAME = "baseline";

	private final EngineSettings settings;

	private final Path migrations;

	private final Placeholders placeholders;

	public RecordBaseline(EngineSettings settings, Path migrations) {
		this(settings, migrations, Placeholders.NONE);
	}

	/** With the placeholders the folder's other migrations need to be read. */
	public RecordBaseline(EngineSettings settings, Path migrations, Placeholders placeholders) {
		this.settings = settings;
		this.migrations = migrations;
		this.placeholders = placeholders;
	}

	public BaselineResult run(BaselineRequest request, Duration lockWait) {
		return run(request, lockWait, Cancellation.none());
	}

	/**
	 * As {@link #run(BaselineRequest, Duration)}; Ctrl-C stops the proof and drops its
	 * scratch database.
	 */
	public BaselineResult run(BaselineRequest request, Duration lockWait, Cancellation cancellation) {
		List<AppliedMigration> history = request.records() ? readHistory() : List.of();
		refuseIfApplied(history, request.force());
		request.output().filter(Files::exists).ifPresent((o) -> {
			throw new MigshException("The file " + o + " already exists", "Choose another --output file.");
		});
		// migsh's own schemas are not the user's schema
		Set<String> excluded = Set.of(this.settings.history().schema(), Trash.SCHEMA);
		BaselineScript script = Baseline.generate(this.settings.dataSource(), excluded);
		Instant now = request.clock().instant();
		String text = script.fileText(header(now, true));
		int firstLine = (int) text.substring(0, text.indexOf("-- migrate:up\n")).lines().count() + 2;
		// a failed proof leaves the SQL in this file, which the error's file:line points
		// into; both headers have the same number of lines
		Path unproven = request.output()
			.orElseGet(() -> Path.of(NewMigration.nextPath(this.migrations, NAME, request.clock()) + ".unproven"));
		BaselineProof proof;
		try {
			proof = Baseline.prove(script, unproven, firstLine, this.settings.dataSource(), excluded,
					request.connector(), cancellation);
		}
		catch (dev.migsh.core.schema.OperationCancelledException ex) {
			throw ex;
		}
		catch (MigshException ex) {
			writeUnproven(unproven, script.fileText(header(now, false)), List.of(ex.getMessage()), ex);
			throw new MigshException(ex.getMessage(), "The SQL is in " + unproven
					+ "; nothing was recorded. Fix the statement there, or report the object migsh could not recreate.",
					ex);
		}
		List<String> warnings = new ArrayList<>(script.leftOut());
		warnings.addAll(script.notes());
		warnings.addAll(proof.reparsed());
		if (!proof.proven()) {
			Path written = writeUnproven(unproven, script.fileText(header(now, false)), proof.describe(), null);
			return new BaselineResult(script, text, proof, Optional.ofNullable(written), Optional.empty(), warnings);
		}
		if (request.dryRun()) {
			return new BaselineResult(script, text, proof, Optional.empty(), Optional.empty(), warnings);
		}
		if (request.output().isPresent()) {
			return new BaselineResult(script, text, proof, Optional.of(writeOutput(request.output().get(), text)),
					Optional.empty(), warnings);
		}
		Set<String> recorded = new java.util.HashSet<>();
		history.forEach((a) -> recorded.add(a.id()));
		MigrationDirectory.read(this.migrations, this.placeholders)
			.migrations()
			.stream()
			.filter((m) -> !recorded.contains(m.id()))
			.forEach((m) -> warnings.add(m.id() + " is in the migrations folder and will run on"
					+ " `apply` after the baseline; if the database already has its changes, record it with"
					+ " `mark-applied " + m.id() + "`"));
		Path file = NewMigration.create(this.migrations, NAME, request.clock(), text);
		try {
			String id = file.getFileName().toString().replaceFirst("\\.sql$", "");
			MigrationFile migration = MigrationDirectory.read(this.migrations, this.placeholders)
				.find(id)
				.orElseThrow(
						() -> new MigshException("The baseline file " + file + " was written but cannot be read back",
								"Check the migrations folder."));
			record(migration, proof, request.force(), lockWait);
			return new BaselineResult(script, text, proof, Optional.of(file), Optional.of(migration.id()), warnings);
		}
		catch (RuntimeException ex) {
			// an unrecorded baseline file would look pending, and apply would run it on
			// the live database
			deleteQuietly(file, ex);
			throw ex;
		}
	}

	private void record(MigrationFile file, BaselineProof proof, boolean force, Duration lockWait) {
		try (LockedSession session = LockedSession.open(this.settings, NAME, lockWait, LockWaitListener.none(),
				Cancellation.none())) {
			refuseIfApplied(session.readHistory(), force);
			Connection connection = session.connection();
			connection.setAutoCommit(false);
			try {
				session.lock().verify();
				session.history()
					.insert(connection, file, HistoryState.BASELINE, session.operator(), proof.took().toMillis(),
							file.up().statements().size(), null, 0);
				session.audit(AuditAction.BASELINE, file.id(), AuditOutcome.OK,
						"proven in " + proof.scratch() + ": " + proof.objects() + " objects compared, no difference");
				connection.commit();
			}
			finally {
				session.resetQuietly();
			}
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Recording the baseline " + file.id() + " failed", ex,
					"Run `status` to see the history.");
		}
	}

	private static void refuseIfApplied(List<AppliedMigration> history, boolean force) {
		long applied = history.stream().filter(AppliedMigration::isApplied).count();
		if (applied > 0 && !force) {
			throw new MigshException(
					"The history already has " + applied + " applied migration(s); a baseline is the"
							+ " first migration of a database that migsh did not build",
					"Run `status` to see them; `drift` shows what changed by hand. Pass --force to record a baseline"
							+ " anyway.",
					ExitCode.PREFLIGHT_REFUSED, null);
		}
	}

	private List<AppliedMigration> readHistory() {
		try (Connection connection = this.settings.dataSource().getConnection()) {
			return this.settings.history().read(connection);
		}
		catch (SQLException ex) {
			throw PostgresErrors.failure("Could not read the history", ex, "Check the connection.");
		}
	}

	private String header(Instant now, boolean proven) {
		return "Baseline taken " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " by "
				+ this.settings.operator() + ": the schema as it was, recreated object by object.\n"
				+ (proven
						? "migsh built it in a scratch database and compared both catalogs before recording it as applied."
						: "UNPROVEN: building it in a scratch database did not give the same schema (why: at the end of"
								+ " this file). It was not recorded; do not apply it as is.");
	}

	/**
	 * Writes the SQL of a failed proof with the reasons at the end, replacing an older
	 * unproven file; returns null (the failure carries on) when it cannot be written.
	 */
	private static Path writeUnproven(Path file, String text, List<String> reasons, RuntimeException failure) {
		StringBuilder why = new StringBuilder(text).append("\n-- UNPROVEN, because:\n");
		reasons.forEach((r) -> r.lines().forEach((l) -> why.append("--   ").append(l).append('\n')));
		try {
			Files.writeString(file, why, StandardCharsets.UTF_8);
			return file;
		}
		catch (IOException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
			}
			return null;
		}
	}

	private static Path writeOutput(Path output, String text) {
		try {
			Files.writeString(output, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			return output;
		}
		catch (FileAlreadyExistsException ex) {
			throw new MigshException("The file " + output + " already exists", "Choose another --output file.", ex);
		}
		catch (IOException ex) {
			throw new MigshException("Could not write " + output + ": " + ex.getMessage(),
					"Check the folder's permissions and free space.", ex);
		}
	}

	private static void deleteQuietly(Path file, RuntimeException failure) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

}
