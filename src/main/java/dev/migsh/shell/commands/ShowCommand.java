package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.history.AppliedMigration;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.plan.FailedRun;
import dev.migsh.core.plan.MigrationDetails;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.Style;

/**
 * {@code show ID}: a migration's sections, state, rollback, and for a changed one the
 * diff.
 */
@Component
public class ShowCommand extends MigshCommand {

	public ShowCommand() {
		super(CommandSpec.builder("show")
			.group("Migrations")
			.description("Show a migration: its sections, its state, how to roll it back; for a changed one, the diff")
			.argument(ArgSpec.required("ID", "migration id or its version", Completion.ALL_MIGRATIONS))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		MigrationDetails details = inv.session().migrator(inv.prompter()).show(inv.args().requiredArgument("ID"));
		MigrationStatus s = details.status();
		inv.out()
			.println(inv.out().style(Style.BOLD, s.id()) + "  "
					+ inv.out().style(MigrationStyles.style(s.state()), MigrationStyles.word(s.state()))
					+ (s.detail() == null || s.detail().isBlank() ? "" : "  " + s.detail()));
		s.applied()
			.ifPresent(a -> inv.out()
				.println("Recorded " + MigrationStyles.time(a.appliedAt()) + " by " + a.dbUser() + " (" + a.operator()
						+ "), " + a.executionMs() + " ms"));
		s.applied().flatMap(a -> FailedRun.of(a, s.file())).ifPresent(run -> printFailedRun(run, inv));
		s.file().ifPresent(f -> printSections(f, inv));
		if (s.file().isEmpty()) {
			inv.out().warn("The file is gone; the SQL that ran:");
			s.applied().ifPresent(a -> inv.out().println(a.upSql()));
		}
		s.applied().ifPresent(a -> printRecorded(a, s.file().isPresent(), inv));
		details.diff().ifPresent(diff -> {
			inv.out().println();
			inv.out().println(inv.out().style(Style.BOLD, "What ran → the file now:"));
			for (String line : diff.split("\n", -1)) {
				Style style = line.startsWith("+") ? Style.GREEN : line.startsWith("-") ? Style.RED : null;
				inv.out().println(style == null ? line : inv.out().style(style, line));
			}
		});
		// a failed one is reverted statement by statement (printed above), not by its
		// whole
		// down section
		details.rollback().filter(r -> s.state() != MigrationState.FAILED).ifPresent(r -> {
			inv.out().println();
			RollbackView.print(r, inv.out());
		});
		return ExitCode.OK;
	}

	/**
	 * The checksums recorded, and after a repair both texts: the SQL that ran and what
	 * repair accepted, with who and when.
	 */
	private static void printRecorded(AppliedMigration a, boolean fileShown, Invocation inv) {
		inv.out().println();
		inv.out().println("Recorded up checksum sha256:" + a.upChecksum());
		if (a.accepted().isEmpty()) {
			return;
		}
		AppliedMigration.Acceptance accepted = a.accepted().get();
		inv.out()
			.println("Accepted by repair " + MigrationStyles.time(accepted.at()) + " (" + accepted.by()
					+ "): up checksum sha256:" + accepted.upChecksum());
		inv.out()
			.println(inv.out().style(Style.BOLD, "-- SQL that ran (" + MigrationStyles.time(a.appliedAt()) + "):"));
		inv.out().println(a.upSql().strip());
		if (!fileShown) {
			inv.out().println(inv.out().style(Style.BOLD, "-- accepted by repair:"));
			inv.out().println(accepted.upSql().strip());
		}
	}

	/** Each up statement of a failed migration: ran, failed, interrupted or not run. */
	private static void printFailedRun(FailedRun run, Invocation inv) {
		inv.out().println();
		inv.out().println(inv.out().style(Style.BOLD, "Statements (" + run.ran() + " of " + run.total() + " ran):"));
		for (FailedRun.Step step : run.steps()) {
			Style style = switch (step.outcome()) {
				case RAN -> Style.GREEN;
				case FAILED -> Style.RED;
				case INTERRUPTED -> Style.YELLOW;
				case NOT_RUN -> Style.DIM;
			};
			inv.out()
				.println("  " + step.index() + ". " + inv.out().style(style, step.outcome().word()) + "  "
						+ RollbackView.oneLine(step.sql()));
		}
		inv.out().println(run.wayOut());
	}

	private static void printSections(MigrationFile f, Invocation inv) {
		inv.out()
			.println(inv.out().style(Style.DIM, String.join(", ", f.paths().stream().map(Object::toString).toList())));
		section(f.up(), inv);
		f.down().ifPresent(d -> section(d, inv));
		f.verify().ifPresent(v -> section(v, inv));
	}

	private static void section(Section section, Invocation inv) {
		inv.out().println();
		inv.out()
			.println(inv.out()
				.style(Style.BOLD,
						"-- migrate:" + section.kind().word()
								+ (section.transactional() ? ""
										: section.noTransactionReason()
											.map(r -> "  (no transaction: " + r + ")")
											.orElse(" transaction:false"))));
		inv.out().println(section.sql().isBlank() ? "(empty)" : section.sql().strip());
	}

}
