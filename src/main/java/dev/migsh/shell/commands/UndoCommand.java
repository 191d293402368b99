package dev.migsh.shell.commands;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.core.change.Confirmations;
import dev.migsh.core.change.RevertChange;
import dev.migsh.core.change.UndoChange;
import dev.migsh.core.change.UndoProposal;
import dev.migsh.core.safety.UndoPreview;
import dev.migsh.core.apply.UndoRequest;
import dev.migsh.core.apply.UndoResult;
import dev.migsh.core.catalog.SqlStatement;
import dev.migsh.core.plan.DbObject;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.UndoPlan;
import dev.migsh.core.plan.UndoTarget;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Progress;
import dev.migsh.shell.Style;

/**
 * {@code undo}: runs the down section of the latest applied migration (or the one named,
 * or every one after {@code --to ID}). What a down would destroy is named first and needs
 * a confirmation (in production also {@code --allow-data-loss} and the typed database
 * name); dropped data is kept in migsh_trash and the SQL restoring it is printed.
 * {@code --dry-run} measures what would be lost on the live database and changes nothing.
 */
@Component
public class UndoCommand extends MigshCommand {

	private final ChangeGuard guard = new ChangeGuard();

	public UndoCommand() {
		super(CommandSpec.builder("undo")
			.group("Migrations")
			.description("Undo the latest applied migration (its down section); --dry-run previews it")
			.argument(ArgSpec.optional("ID", "the migration to undo (must be the latest unless --force)",
					Completion.APPLIED_MIGRATIONS))
			.option(OptionSpec.value("to", "ID", "undo every migration applied after ID (ID stays applied)",
					Completion.APPLIED_MIGRATIONS))
			.option(OptionSpec.flag("all", "undo every applied migration, latest first"))
			.option(OptionSpec.flag("dry-run", "show the down SQL and what it would destroy; change nothing"))
			.option(OptionSpec.flag("force", "undo a migration that is not the latest"))
			.option(OptionSpec.flag("yes", "confirm in advance (for scripts and one-shot runs)"))
			.option(OptionSpec.flag("allow-data-loss", "in production, allow a down section that drops data"))
			.option(OptionSpec.value("lock-wait", "DURATION", "wait this long for the migration lock (0: fail fast)"))
			.option(KeepHistoryOption.spec())
			.build());
	}

	@Override
	public boolean changesDatabase() {
		return true;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Migrator migrator = KeepHistoryOption.migrator(inv);
		UndoTarget target = target(inv);
		if (target.kind() == UndoTarget.Kind.ONE && migrator.undoReverts(target.id().get())) {
			return revert(migrator, target.id().get(), inv);
		}
		UndoRequest engine = UndoRequest.of(target);
		if (inv.args().flag("force")) {
			engine = engine.forced();
		}
		Optional<java.time.Duration> wait = inv.args().duration("lock-wait");
		if (wait.isPresent()) {
			engine = engine.withLockWait(wait.get());
		}
		UndoChange.Request request = new UndoChange.Request(engine, inv.args().flag("allow-data-loss"));
		if (inv.args().flag("dry-run")) {
			for (var failed : migrator.status().inState(MigrationState.FAILED)) {
				inv.out()
					.warn(failed.id() + " is recorded as failed; an undo is refused until `undo " + failed.id()
							+ "` reverts what of it ran");
			}
			UndoPreview preview = migrator.previewUndo(request);
			if (preview.isEmpty()) {
				inv.out().println("Nothing to undo: no applied migration.");
				return ExitCode.OK;
			}
			UndoPreviewView.print(preview, inv.out());
			inv.out().println("Dry run: nothing was changed.");
			return ExitCode.OK;
		}
		UndoProposal proposal = migrator.proposeUndo(request);
		if (proposal.isEmpty()) {
			inv.out().println("Nothing to undo: no applied migration.");
			return ExitCode.OK;
		}
		print(proposal.plan(), inv);
		PreflightView.print(proposal.checks(), inv.out());
		Confirmations confirmations = this.guard.confirm(inv, proposal);
		Cancellation cancellation = new Cancellation();
		UndoResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			ProgressListener progress = new ProgressListener(inv.out(), "undoing");
			try (Progress status = Progress.show(inv.out(), progress::step)) {
				result = migrator.execute(proposal, confirmations, progress, cancellation);
			}
		}
		inv.out()
			.println(inv.out()
				.style(Style.BOLD_GREEN,
						"Undone " + result.undone().size()
								+ (result.undone().size() == 1 ? " migration." : " migrations."))
					+ " Apply again with: apply");
		UndoPreviewView.printKept(result, inv.out());
		return ExitCode.OK;
	}

	/** A failed migration: only the statements that ran are reversed. */
	private ExitCode revert(Migrator migrator, String id, Invocation inv) {
		RevertChange.Request request = new RevertChange.Request(id, inv.args().duration("lock-wait"));
		var proposal = migrator.proposeRevert(request);
		proposal.lines().forEach(line -> inv.out().println(line));
		PreflightView.print(proposal.checks(), inv.out());
		if (inv.args().flag("dry-run")) {
			inv.out()
				.println(proposal.checks().refused() ? "Dry run: the revert would be refused; nothing was changed."
						: "Dry run: nothing was changed.");
			return proposal.checks().refused() ? ExitCode.PREFLIGHT_REFUSED : ExitCode.OK;
		}
		Confirmations confirmations = proposal.checks().refused() ? Confirmations.none()
				: this.guard.confirm(inv, proposal);
		Cancellation cancellation = new Cancellation();
		UndoResult result;
		try (var onCtrlC = inv.interrupts().onInterrupt(cancellation::cancel)) {
			ProgressListener progress = new ProgressListener(inv.out(), "undoing");
			try (Progress status = Progress.show(inv.out(), progress::step)) {
				result = migrator.revert(proposal, request, confirmations, progress, cancellation);
			}
		}
		String reverted = result.undone().get(0).id();
		inv.out()
			.println(inv.out().style(Style.BOLD_GREEN, "Reverted what ran of " + reverted + "; it is pending again.")
					+ " Apply it with: apply " + reverted);
		UndoPreviewView.printKept(result, inv.out());
		return ExitCode.OK;
	}

	private static void print(UndoPlan plan, Invocation inv) {
		for (UndoPlan.Step step : plan.steps()) {
			inv.out().println(inv.out().style(Style.BOLD, "undo " + step.file().id()));
			for (SqlStatement s : step.rollback().downStatements()) {
				inv.out().println(inv.out().style(Style.DIM, "    " + RollbackView.oneLine(s.sql()) + ";"));
			}
			if (!step.rollback().destroys().isEmpty()) {
				inv.out()
					.println(inv.out()
						.style(Style.YELLOW, "    destroys: " + String.join(", ",
								step.rollback().destroys().stream().map(DbObject::describe).toList())));
			}
		}
	}

	private static UndoTarget target(Invocation inv) {
		Optional<String> id = inv.args().argument("ID");
		Optional<String> to = inv.args().value("to");
		if (id.isPresent() && to.isPresent()) {
			throw new UsageException("undo: give an ID or --to ID, not both",
					"undo ID undoes one migration; " + "undo --to ID undoes every one applied after ID");
		}
		if (inv.args().flag("all")) {
			if (id.isPresent() || to.isPresent()) {
				throw new UsageException("undo: --all undoes every applied migration; give no ID or --to with it",
						"undo --all, undo ID, or undo --to ID");
			}
			return UndoTarget.all();
		}
		return id.map(UndoTarget::only).orElseGet(() -> to.map(UndoTarget::to).orElse(UndoTarget.latest()));
	}

}
