package dev.migsh.shell.commands;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.Trash;
import dev.migsh.core.apply.TrashEntry;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;

/**
 * {@code trash}: the data undo kept in {@code migsh_trash} before dropping it, with the
 * SQL that restores each; {@code trash purge} empties it after a confirmation.
 */
@Component
public class TrashCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public TrashCommand() {
		super(CommandSpec.builder("trash")
			.group("Migrations")
			.description("List the data undo kept in migsh_trash, with restore SQL; 'trash purge' empties it")
			.argument(ArgSpec.optional("ACTION", "purge: drop everything kept (asks first)", Completion.NONE))
			.option(OptionSpec.flag("yes", "confirm purge in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.flag("dry-run", "with purge: say what it would drop; drop nothing"))
			.option(OptionSpec.flag("json", "print JSON"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Optional<String> action = inv.args().argument("ACTION");
		if (action.isPresent() && !action.get().equals("purge")) {
			throw new UsageException("trash: unknown action '" + action.get() + "'",
					"'trash' lists what is kept; 'trash purge' empties it");
		}
		Migrator migrator = inv.session().migrator(inv.prompter());
		if (action.isPresent()) {
			return purge(inv, migrator);
		}
		List<TrashEntry> entries = migrator.trash();
		if (inv.json()) {
			inv.out().json(entries);
			return ExitCode.OK;
		}
		if (entries.isEmpty()) {
			inv.out().println("The trash is empty: no undo has dropped data yet.");
			return ExitCode.OK;
		}
		TextTable table = new TextTable("#", "Kept at", "Undo of", "Kind", "Data of", "Rows", "In").alignRight(0)
			.alignRight(5);
		for (TrashEntry e : entries) {
			table.row(e.id(), e.trashedAt().toString().replace('T', ' ').replaceFirst("\\.\\d+Z$", "Z"),
					e.migrationId(), e.kind().word(), e.source(), String.format("%,d", e.rows()),
					Trash.SCHEMA + "." + e.trashTable());
		}
		inv.out().table(table);
		inv.out().println();
		inv.out().println("To restore, re-create the table or column (apply the migration again), then run:");
		for (TrashEntry e : entries) {
			inv.out().println(inv.out().style(Style.DIM, "  -- #" + e.id() + " " + e.source()));
			e.restoreSql().lines().forEach(l -> inv.out().println("  " + l));
		}
		return ExitCode.OK;
	}

	private ExitCode purge(Invocation inv, Migrator migrator) {
		RecordsProposal<List<TrashEntry>> proposal = migrator.proposeTrashPurge();
		if (proposal.isEmpty()) {
			inv.out().println("The trash is already empty.");
			return ExitCode.OK;
		}
		proposal.lines().forEach(line -> inv.out().println(inv.out().style(Style.YELLOW, line)));
		PreflightView.print(proposal.checks(), inv.out());
		if (inv.args().flag("dry-run")) {
			inv.out().println("Dry run: nothing was dropped.");
			return proposal.checks().refused() ? ExitCode.PREFLIGHT_REFUSED : ExitCode.OK;
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		List<TrashEntry> purged = migrator.purgeTrash(proposal, inv.args().duration("lock-wait"), confirmations,
				new ProgressListener(inv.out(), "purging")::lockWaiting, Cancellations.onCtrlC(inv));
		inv.out()
			.println(inv.out()
				.style(Style.BOLD_GREEN, "Purged " + purged.size() + (purged.size() == 1 ? " entry" : " entries")
						+ "; schema " + Trash.SCHEMA + " dropped."));
		return ExitCode.OK;
	}

}
