package dev.migsh.shell.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandDispatcher;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;

/**
 * {@code help [COMMAND]}: the commands by group, or one command's synopsis, options and
 * arguments.
 */
@Component
public class HelpCommand extends MigshCommand {

	private final Supplier<CommandDispatcher> dispatcher;

	@Autowired
	public HelpCommand(ObjectProvider<CommandDispatcher> dispatcher) {
		this((Supplier<CommandDispatcher>) dispatcher::getObject);
	}

	/** For the one-shot path, which builds the commands without Spring. */
	public HelpCommand(Supplier<CommandDispatcher> dispatcher) {
		super(CommandSpec.builder("help")
			.description("List the commands, or show one command's options")
			.argument(ArgSpec.optional("COMMAND", "a command name", Completion.COMMANDS))
			.build());
		this.dispatcher = dispatcher;
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		CommandDispatcher d = this.dispatcher.get();
		if (inv.args().argument("COMMAND").isPresent()) {
			describe(d.find(inv.args().argument("COMMAND").get()).spec(), inv);
			return ExitCode.OK;
		}
		Map<String, List<MigshCommand>> groups = new TreeMap<>();
		for (MigshCommand c : d.commands()) {
			groups.computeIfAbsent(c.spec().group(), k -> new java.util.ArrayList<>()).add(c);
		}
		int width = d.commands().stream().mapToInt(c -> c.getName().length()).max().orElse(8) + 2;
		for (Map.Entry<String, List<MigshCommand>> group : groups.entrySet()) {
			inv.out().println(inv.out().style(Style.BOLD, group.getKey()));
			for (MigshCommand c : group.getValue()) {
				inv.out().println("  " + pad(c.getName(), width) + c.spec().description());
			}
			inv.out().println();
		}
		inv.out().println("help COMMAND shows its options. Outside the shell: " + dev.migsh.shell.LaunchOptions.USAGE);
		return ExitCode.OK;
	}

	private static void describe(CommandSpec spec, Invocation inv) {
		inv.out().println(inv.out().style(Style.BOLD, spec.synopsis()));
		inv.out().println("  " + spec.description());
		if (!spec.help().isBlank()) {
			inv.out().println("  " + spec.help());
		}
		Map<String, String> rows = new LinkedHashMap<>();
		for (ArgSpec a : spec.arguments()) {
			rows.put(a.name(), a.description() + (a.required() ? "" : " (optional)"));
		}
		for (OptionSpec o : spec.options()) {
			rows.put(o.usage(), o.description());
		}
		if (!rows.isEmpty()) {
			int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
			inv.out().println();
			rows.forEach((k, v) -> inv.out().println("  " + pad(k, width) + v));
		}
	}

	private static String pad(String s, int width) {
		return s + " ".repeat(Math.max(1, width - s.length()));
	}

}
