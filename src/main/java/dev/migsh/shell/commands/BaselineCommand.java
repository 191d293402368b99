package dev.migsh.shell.commands;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.core.apply.BaselineRequest;
import dev.migsh.core.apply.BaselineResult;
import dev.migsh.core.schema.BaselineProof;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.Progress;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code baseline}: the seed's "zero state". Reads the live schema into a migration,
 * proves it by building it in a scratch database and comparing catalogs, then writes
 * {@code <version>-baseline.sql} and records it as applied. A difference stops it.
 */
@Component
public class BaselineCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	/** What {@code --json} prints. */
	public record Json(boolean proven, String scratch, int objectsCompared, List<String> differences, int statements,
			List<String> leftOut, List<String> warnings, String file, String recorded, String sql) {
	}

	public BaselineCommand() {
		super(CommandSpec.builder("baseline")
			.group("Migrations")
			.description("Write a migration that recreates the live schema, prove it in a scratch database, record it")
			.help("""
					Reads every schema object of the live database (types, functions, sequences, tables, keys,
					indexes, views, triggers, policies, comments, partitions) into <version>-baseline.sql,
					builds it in a scratch database (migsh_scratch_<random>, dropped afterwards) and compares
					both catalogs object by object. Only when nothing differs is the file written and recorded
					as applied (state baseline). The user needs CREATEDB for the scratch database.""")
			.option(OptionSpec.flag("dry-run", "print the SQL after the proof; write and record nothing"))
			.option(OptionSpec.value("output", "FILE", "write the SQL to FILE after the proof; record nothing"))
			.option(OptionSpec.flag("force", "record a baseline even though migrations were already applied"))
			.option(OptionSpec.flag("json", "print JSON"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		DatabaseConnector connector = DatabaseConnector.of(inv.session().database(inv.prompter()).settings());
		Optional<Path> output = inv.args().value("output").map(Path::of);
		boolean dryRun = inv.args().flag("dry-run");
		Migrator migrator = inv.session().migrator(inv.prompter());
		RecordsProposal<BaselineRequest> proposal = migrator.proposeBaseline(
				new BaselineRequest(dryRun, output, inv.args().flag("force"), connector, Clock.systemUTC()));
		if (!proposal.checks().results().isEmpty()) {
			PreflightView.print(proposal.checks(), inv.out());
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		BaselineResult result;
		try (Progress status = Progress.show(inv.out(),
				"baseline: reading the live schema, then proving it in a scratch database")) {
			result = migrator.baseline(proposal, inv.args().duration("lock-wait"), confirmations,
					Cancellations.onCtrlC(inv));
		}
		BaselineProof proof = result.proof();
		if (inv.json()) {
			inv.out()
				.json(new Json(proof.proven(), proof.scratch(), proof.objects(), proof.describe(),
						result.script().statementCount(), result.script().leftOut(), result.warnings(),
						result.file().map(Path::toString).orElse(null), result.recordedId().orElse(null),
						dryRun ? result.fileText() : null));
			return proof.proven() ? ExitCode.OK : ExitCode.FAILED;
		}
		if (dryRun) {
			inv.out().print(result.fileText());
			inv.out().println();
		}
		inv.out().println("Read " + result.script().statementCount() + " statements from the live schema.");
		if (!proof.proven()) {
			inv.out()
				.println(inv.out().style(Style.BOLD_RED, "✖ Proof failed") + ": built in " + proof.scratch() + ", "
						+ proof.differences().size() + " of " + proof.objects() + " objects differ:");
			proof.describe().forEach(line -> inv.out().println("  " + line));
			inv.out()
				.println(result.file()
					.map((f) -> "The SQL is in " + f + ", marked unproven; nothing was recorded.")
					.orElse("Nothing was recorded; the SQL could not be written."));
			result.warnings().forEach(inv.out()::warn);
			return ExitCode.FAILED;
		}
		inv.out()
			.println(inv.out().style(Style.GREEN, "✔") + " Proof: built in " + proof.scratch() + " and compared "
					+ proof.objects() + " objects: no difference (" + proof.took().toMillis() + " ms).");
		result.warnings().forEach(inv.out()::warn);
		if (dryRun) {
			inv.out().println("Dry run: nothing was written or recorded.");
		}
		else if (result.recordedId().isEmpty()) {
			inv.out().println("Wrote " + result.file().map(Path::toString).orElse("") + "; nothing was recorded.");
		}
		else {
			inv.out()
				.println(inv.out()
					.style(Style.BOLD_GREEN, "Recorded " + result.recordedId().get() + " as applied" + " (baseline)")
						+ " in " + result.file().map(Path::toString).orElse("")
						+ ". From now on `drift` compares the database with the migrations.");
		}
		return ExitCode.OK;
	}

}
