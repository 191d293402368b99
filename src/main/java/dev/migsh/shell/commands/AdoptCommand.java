package dev.migsh.shell.commands;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.adopt.AdoptionMatch;
import dev.migsh.core.adopt.ForeignEntry;
import dev.migsh.core.change.AdoptChange;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.RecordsProposal;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;

/**
 * {@code adopt}: import another tool's migration history. Shows the mapping from the old
 * history's rows to the migrations folder and what it verified, then records the matched
 * migrations as {@code adopted} without running them. The other tool's table is only
 * read.
 */
@Component
public class AdoptCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public AdoptCommand() {
		super(CommandSpec.builder("adopt")
			.group("Migrations")
			.description("Import another tool's history (Sequelize, Flyway, golang-migrate, dbmate, Rails, Liquibase,"
					+ " Prisma, Knex, Alembic) as adopted migrations, verified")
			.help("Finds the other tool's table by its columns, matches each row to a file in the migrations folder"
					+ " (by file name, Flyway version and description, or version), checks that what each matched"
					+ " migration creates exists, then records them as adopted. Nothing runs; the other tool's table"
					+ " is only read.")
			.option(OptionSpec.value("from", "TOOL", "which history, when there are several: a tool or a table name",
					Completion.NONE))
			.option(OptionSpec.value("in", "SCHEMA", "look in this schema (default: the search_path)", Completion.NONE))
			.option(OptionSpec.flag("dry-run", "show the mapping and the checks; record nothing"))
			.option(OptionSpec.flag("allow-missing", "adopt even where objects a migration creates are missing"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.flag("json", "print the mapping as JSON"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	/** What {@code --json} prints: the mapping, and what was recorded. */
	public record Json(String tool, String table, List<Row> rows, List<String> pending, List<String> recorded,
			boolean dryRun) {

		/** One row of the old history and what became of it. */
		public record Row(String entry, String state, String migration, String outcome, String why) {
		}

	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		AdoptChange.Request request = new AdoptChange.Request(inv.args().value("from"),
				inv.args().value("in").map(List::of).orElse(List.of()), inv.args().flag("allow-missing"),
				inv.args().duration("lock-wait"));
		RecordsProposal<AdoptChange.Plan> proposal = migrator.proposeAdopt(request);
		AdoptChange.Plan plan = proposal.subject();
		boolean dryRun = inv.args().flag("dry-run");
		if (!inv.json()) {
			printMapping(plan, inv);
			PreflightView.print(proposal.checks(), inv.out());
		}
		if (dryRun || proposal.isEmpty()) {
			if (inv.json()) {
				inv.out().json(json(plan, List.of(), dryRun));
			}
			else {
				inv.out()
					.println(proposal.isEmpty()
							? "Nothing to adopt: every matched migration is in migsh's history already."
							: "Dry run: nothing was recorded. Run adopt without --dry-run to record "
									+ plan.toRecord().size() + " migration(s) as adopted.");
			}
			return proposal.checks().refused() ? ExitCode.PREFLIGHT_REFUSED : ExitCode.OK;
		}
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		List<String> recorded = migrator.adopt(proposal, request, confirmations,
				new ProgressListener(inv.out(), "adopting")::lockWaiting, Cancellations.onCtrlC(inv));
		if (inv.json()) {
			inv.out().json(json(plan, recorded, false));
			return ExitCode.OK;
		}
		inv.out()
			.println(
					inv.out()
						.style(Style.BOLD_GREEN, "Adopted " + recorded.size() + " migration(s) from "
								+ plan.source().tool().displayName() + " " + plan.source().qualifiedName() + ".")
							+ (plan.match().pending().isEmpty() ? ""
									: " Still pending: " + plan.match().pending().size() + " (`plan` shows them)."));
		return ExitCode.OK;
	}

	private static void printMapping(AdoptChange.Plan plan, Invocation inv) {
		AdoptionMatch match = plan.match();
		inv.out()
			.println(inv.out()
				.style(Style.BOLD, plan.source().tool().displayName() + " history in " + plan.source().qualifiedName()
						+ ": " + plan.source().rowCount() + " row(s)"));
		TextTable table = new TextTable("Old history", "State", "Migration here", "Outcome");
		for (AdoptionMatch.Matched m : match.matched()) {
			String outcome = plan.toRecord().contains(m.migrationId()) ? "adopt (" + rule(m) + ")"
					: "already in migsh's history";
			table.row(entry(m.entry()), state(m.entry()), m.migrationId(), outcome);
		}
		for (AdoptionMatch.Refused r : match.refused()) {
			table.row(entry(r.entry()), state(r.entry()), r.migrationId().isEmpty() ? "-" : r.migrationId(),
					"not adopted: " + r.reason());
		}
		for (AdoptionMatch.Ambiguous a : match.ambiguous()) {
			table.row(entry(a.entry()), state(a.entry()), String.join(" or ", a.migrationIds()),
					"not adopted: " + a.reason());
		}
		for (ForeignEntry e : match.unmatched()) {
			table.row(entry(e), state(e), "-", "in the old history, no file here");
		}
		inv.out().table(table);
		if (!match.pending().isEmpty()) {
			inv.out().println("No row in the old history, so pending: " + String.join(", ", match.pending()));
		}
		match.notes().forEach(n -> inv.out().println(inv.out().style(Style.DIM, n)));
	}

	/**
	 * The row as the other tool wrote it: {@code 001-create-users.js},
	 * {@code V2__pets.sql}, {@code 3}.
	 */
	private static String entry(ForeignEntry e) {
		// a rank or a row number says nothing: then the name the tool keeps
		return e.rawId().matches(".*[A-Za-z].*") ? e.rawId() : e.name().isBlank() ? e.version() : e.name();
	}

	private static String state(ForeignEntry e) {
		return e.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String rule(AdoptionMatch.Matched m) {
		return "by " + m.rule().name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static Json json(AdoptChange.Plan plan, List<String> recorded, boolean dryRun) {
		List<Json.Row> rows = new java.util.ArrayList<>();
		plan.match()
			.matched()
			.forEach(m -> rows.add(new Json.Row(entry(m.entry()), state(m.entry()), m.migrationId(),
					plan.toRecord().contains(m.migrationId()) ? "adopt" : "already recorded", rule(m))));
		plan.match()
			.refused()
			.forEach(r -> rows
				.add(new Json.Row(entry(r.entry()), state(r.entry()), r.migrationId(), "refused", r.reason())));
		plan.match()
			.ambiguous()
			.forEach(a -> rows.add(new Json.Row(entry(a.entry()), state(a.entry()), String.join(" ", a.migrationIds()),
					"ambiguous", a.reason())));
		plan.match().unmatched().forEach(e -> rows.add(new Json.Row(entry(e), state(e), null, "no file here", "")));
		return new Json(plan.source().tool().displayName(), plan.source().qualifiedName(), rows, plan.match().pending(),
				recorded, dryRun);
	}

}
