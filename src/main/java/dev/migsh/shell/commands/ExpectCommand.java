package dev.migsh.shell.commands;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.LockHolder;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;
import dev.migsh.core.schema.DatabaseConnector;
import dev.migsh.core.schema.DriftItem;
import dev.migsh.core.schema.DriftReport;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.ExpectationFailedException;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.ParsedArgs;
import dev.migsh.shell.Style;

/**
 * {@code expect WHAT [VALUE] [STATE]}: a guard for runbooks. It changes nothing; when the
 * fact does not hold it stops the script with exit code 5 and says what it expected and
 * what it found.
 */
@Component
public class ExpectCommand extends MigshCommand {

	static final List<String> KEYWORDS = List.of("env", "database", "pending", "state", "no-lock", "no-drift");

	private static final String FORMS = "expect env production | expect database NAME | expect pending N"
			+ " | expect state ID applied | expect no-lock | expect no-drift";

	public ExpectCommand() {
		super(CommandSpec.builder("expect")
			.group("Runbooks")
			.description(
					"Stop a script unless a fact holds: env, database, pending count, a migration's state, lock, drift")
			.help("Forms: " + FORMS + ". A failed expect stops the script with exit code 5.")
			.argument(ArgSpec.required("WHAT", "env, database, pending, state, no-lock or no-drift", Completion.NONE))
			.argument(ArgSpec.optional("VALUE", "the expected value, or the migration id for state", Completion.NONE))
			.argument(ArgSpec.optional("STATE", "the expected state of the migration (state only)", Completion.NONE))
			.build());
	}

	@Override
	public void validate(ParsedArgs args) {
		String what = args.requiredArgument("WHAT");
		Optional<String> value = args.argument("VALUE");
		Optional<String> state = args.argument("STATE");
		switch (what) {
			case "env" -> {
				arity(what, value.isPresent() && state.isEmpty());
				Environment.parse(value.get());
			}
			case "database" -> arity(what, value.isPresent() && state.isEmpty());
			case "pending" -> {
				arity(what, value.isPresent() && state.isEmpty());
				count(value.get());
			}
			case "state" -> {
				arity(what, value.isPresent() && state.isPresent());
				state(state.get());
			}
			case "no-lock", "no-drift" -> arity(what, value.isEmpty());
			default -> throw new UsageException("expect: unknown guard '" + what + "'", "forms: " + FORMS);
		}
	}

	@Override
	public ExitCode run(Invocation inv) {
		ParsedArgs args = inv.args();
		String what = args.requiredArgument("WHAT");
		String value = args.argument("VALUE").orElse("");
		String held = switch (what) {
			case "env" -> environment(inv, Environment.parse(value));
			case "database" -> database(inv, value);
			case "pending" -> pending(inv.session().migrator(inv.prompter()), count(value));
			case "state" ->
				state(inv.session().migrator(inv.prompter()), value, state(args.argument("STATE").orElseThrow()));
			case "no-lock" -> noLock(inv.session().migrator(inv.prompter()));
			case "no-drift" -> noDrift(inv);
			default -> throw new UsageException("expect: unknown guard '" + what + "'", "forms: " + FORMS);
		};
		inv.out().println(inv.out().style(Style.GREEN, "✔ ") + held);
		return ExitCode.OK;
	}

	private static String environment(Invocation inv, Environment expected) {
		Environment found = inv.session().environment();
		if (found != expected) {
			throw new ExpectationFailedException("env " + expected,
					found + " (" + inv.session().environmentSource() + ")",
					"this runbook is for " + expected + "; connect to the right database (--url, --env) or pick"
							+ " the runbook meant for " + found);
		}
		return "env " + found;
	}

	private static String database(Invocation inv, String expected) {
		String found = inv.session().database(inv.prompter()).settings().database();
		if (!found.equals(expected)) {
			throw new ExpectationFailedException("database " + expected, "database " + found,
					"this runbook is for " + expected + "; connect to it (--url) or fix the runbook");
		}
		return "database " + found;
	}

	private static String pending(Migrator migrator, int expected) {
		List<String> pending = migrator.pendingIds();
		if (pending.size() != expected) {
			throw new ExpectationFailedException(expected + " pending",
					pending.size() + " pending" + (pending.isEmpty() ? "" : ": " + String.join(", ", pending)),
					"run status to see them; plan shows what apply would run");
		}
		return expected + " pending";
	}

	private static String state(Migrator migrator, String id, MigrationState expected) {
		MigrationStatus row = migrator.status().resolve(id);
		if (row.state() != expected) {
			throw new ExpectationFailedException(row.id() + " " + word(expected),
					row.id() + " " + word(row.state()) + (row.detail().isEmpty() ? "" : " (" + row.detail() + ")"),
					"run status to see every migration");
		}
		return row.id() + " " + word(expected);
	}

	private static String noLock(Migrator migrator) {
		Optional<LockHolder> holder = migrator.lockHolder();
		if (holder.isPresent()) {
			throw new ExpectationFailedException("the migration lock free", "held by " + holder.get().describe(),
					"wait for the other session to finish, or ask its owner; info shows the lock too");
		}
		return "migration lock free";
	}

	private static String noDrift(Invocation inv) {
		DatabaseConnector connector = DatabaseConnector.of(inv.session().database(inv.prompter()).settings());
		DriftReport report = inv.session().migrator(inv.prompter()).drift(connector);
		if (report.outcome() == DriftReport.Outcome.COULD_NOT_CHECK) {
			throw new ExpectationFailedException("no drift", "could not check: " + report.problem().message(),
					report.problem().hint());
		}
		if (report.hasDrift()) {
			List<String> items = report.items().stream().map(DriftItem::describe).toList();
			String shown = String.join("; ", items.subList(0, Math.min(3, items.size())))
					+ (items.size() > 3 ? "; and " + (items.size() - 3) + " more" : "");
			throw new ExpectationFailedException("no drift", items.size() + " difference(s): " + shown,
					"run drift to see each difference with its DDL");
		}
		return "no drift: the schema is what the " + report.replayed().size() + " applied migration(s) build";
	}

	static String word(MigrationState state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static MigrationState state(String text) {
		for (MigrationState state : MigrationState.values()) {
			if (word(state).equals(text.toLowerCase(Locale.ROOT))) {
				return state;
			}
		}
		throw new UsageException("expect state: '" + text + "' is not a migration state", "states: " + String.join(", ",
				java.util.Arrays.stream(MigrationState.values()).map(ExpectCommand::word).toList()));
	}

	private static int count(String text) {
		try {
			int n = Integer.parseInt(text);
			if (n >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("expect pending: '" + text + "' is not a count", "e.g. expect pending 0");
	}

	private static void arity(String what, boolean ok) {
		if (!ok) {
			throw new UsageException("expect " + what + ": wrong number of values", "forms: " + FORMS);
		}
	}

}
