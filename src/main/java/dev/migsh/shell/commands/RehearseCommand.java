package dev.migsh.shell.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.MigshException;
import dev.migsh.core.UsageException;
import dev.migsh.core.plan.ApplyTarget;
import dev.migsh.core.rehearse.RehearsalListener;
import dev.migsh.core.rehearse.RehearsalReport;
import dev.migsh.core.rehearse.RehearsalRequest;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Progress;

/**
 * {@code rehearse}: runs what {@code apply} would run on a scratch copy of the live
 * database and reports what each statement really did; changes nothing live, so it is a
 * reading command. Exit code 1 when a migration fails on the copy or its way back does
 * not come back.
 */
@Component
public class RehearseCommand extends MigshCommand {

	public RehearseCommand() {
		super(CommandSpec.builder("rehearse")
			.group("Migrations")
			.description("Run the pending migrations on a scratch copy first and report what they really did")
			.help("""
					Copies the live schema (as baseline reads it), up to --rows rows of each table and the
					history into a scratch database (migsh_scratch_<random>, or the embedded sandbox without
					CREATEDB), then runs the pending migrations there exactly as apply would: same
					transactions, timeouts and placeholders. For each statement: the locks it took (pg_locks of
					its own session, before COMMIT) and what they block, the tables it rewrote
					(relfilenode before/after) and the bytes written, its time on the copy and an estimate for
					the live database (scaled by live pages / pages on the copy), beside plan's prediction.
					Then each migration's down and its up again, compared schema to schema. The live database
					is only read; the copy is always dropped, Ctrl-C included. Exit code 1 when a migration
					fails on the copy or does not come back, or when no scratch database could be made.""")
			.argument(ArgSpec.optional("ID", "rehearse only this pending migration", Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("to", "ID", "rehearse pending migrations up to and including ID",
					Completion.PENDING_MIGRATIONS))
			.option(OptionSpec.value("rows", "N",
					"copy up to N rows of each table (default " + RehearsalRequest.DEFAULT_ROWS + "; 0: schema only)"))
			.option(OptionSpec.value("exclude-columns", "PATTERN",
					"do not copy columns matching PATTERN (column or table.column, a regex, case-insensitive)"))
			.option(OptionSpec.flag("allow-out-of-order", "include migrations whose version is below an applied one"))
			.option(OptionSpec.value("output", "FILE", "also write the report as Markdown to FILE"))
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		return rehearse(inv, request(inv));
	}

	/**
	 * Rehearses {@code request} and prints the report (also what {@code plan --rehearse}
	 * runs).
	 */
	static ExitCode rehearse(Invocation inv, RehearsalRequest request) {
		DatabaseConnector connector = DatabaseConnector.of(inv.session().database(inv.prompter()).settings());
		String[] step = { "rehearse: preparing the copy" };
		RehearsalReport report;
		try (Progress status = Progress.show(inv.out(), () -> step[0])) {
			RehearsalListener listener = new RehearsalListener() {
				@Override
				public void step(String what) {
					step[0] = "rehearse: " + what;
				}
			};
			report = inv.session()
				.migrator(inv.prompter())
				.rehearse(request, connector, listener, Cancellations.onCtrlC(inv));
		}
		inv.session().rehearsal(report);
		Optional<Path> output = inv.args().value("output").map(Path::of);
		if (output.isPresent()) {
			write(output.get(), RehearsalView.markdown(report));
		}
		if (inv.json()) {
			inv.out().json(report);
		}
		else {
			RehearsalView.print(report, inv.out());
			output.ifPresent((p) -> inv.out().println("Report written to " + p + "."));
		}
		return (report.succeeded() && report.wayBackProven()) ? ExitCode.OK : ExitCode.FAILED;
	}

	private static RehearsalRequest request(Invocation inv) {
		ApplyTarget target = ApplyCommand.target(inv);
		int rows = RehearsalRequest.DEFAULT_ROWS;
		Optional<String> given = inv.args().value("rows");
		if (given.isPresent()) {
			try {
				rows = Integer.parseInt(given.get().replace("_", "").replace(",", ""));
			}
			catch (NumberFormatException ex) {
				rows = -1;
			}
			if (rows < 0) {
				throw new UsageException("rehearse: --rows needs a whole number of rows, not '" + given.get() + "'",
						"For example --rows 1000, or --rows 0 for the schema alone.");
			}
		}
		RehearsalRequest request = new RehearsalRequest(target, rows, Optional.empty(),
				inv.args().flag("allow-out-of-order"));
		Optional<String> exclude = inv.args().value("exclude-columns");
		if (exclude.isPresent()) {
			try {
				request = request.excluding(Pattern.compile(exclude.get(), Pattern.CASE_INSENSITIVE));
			}
			catch (PatternSyntaxException ex) {
				throw new UsageException("rehearse: --exclude-columns is not a valid pattern: " + ex.getDescription(),
						"Give a regular expression, e.g. --exclude-columns 'email|password.*|users\\.phone'.");
			}
		}
		return request;
	}

	private static void write(Path file, String markdown) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, markdown);
		}
		catch (IOException ex) {
			throw new MigshException("Could not write the report to " + file + ": " + ex.getMessage(),
					"Check that the folder exists and is writable, or name another file with --output.");
		}
	}

}
