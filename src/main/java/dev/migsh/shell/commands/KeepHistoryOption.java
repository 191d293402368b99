package dev.migsh.shell.commands;

import java.util.Optional;

import dev.migsh.core.Migrator;
import dev.migsh.core.UsageException;
import dev.migsh.core.adopt.ForeignTool;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.OptionSpec;

/**
 * {@code --keep-history TOOL} (else {@code MIGSH_KEEP_HISTORY}) of the commands that
 * write the history: apply, undo, mark-applied and mark-pending also write the other
 * tool's table, as that tool would.
 */
final class KeepHistoryOption {

	static final String NAME = "keep-history";

	static final String VARIABLE = "MIGSH_KEEP_HISTORY";

	private KeepHistoryOption() {
	}

	static OptionSpec spec() {
		return OptionSpec.value(NAME, "TOOL", "also write TOOL's history table as TOOL would ("
				+ String.join(", ", ForeignTool.keepableNames()) + "; default $" + VARIABLE + ")");
	}

	/**
	 * The session's migrator, keeping the named tool's history in step if one is named.
	 */
	static Migrator migrator(Invocation inv) {
		Migrator migrator = inv.session().migrator(inv.prompter());
		Optional<String> named = inv.args()
			.value(NAME)
			.or(() -> Optional.ofNullable(inv.session().environmentVariables().get(VARIABLE)))
			.filter(v -> !v.isBlank());
		if (named.isEmpty()) {
			return migrator;
		}
		Optional<ForeignTool> tool = ForeignTool.named(named.get()).filter(ForeignTool::keepable);
		if (tool.isEmpty()) {
			throw new UsageException("--keep-history: migsh cannot keep a '" + named.get() + "' history in step",
					"name one of " + String.join(", ", ForeignTool.keepableNames())
							+ (inv.args().value(NAME).isEmpty() ? " in $" + VARIABLE : ""));
		}
		return migrator.keepingHistory(tool);
	}

}
