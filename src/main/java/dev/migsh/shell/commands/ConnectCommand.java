package dev.migsh.shell.commands;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.connect.ConnectRequest;
import dev.migsh.shell.ArgSpec;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Completion;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;

/**
 * {@code connect}: open a session with other settings. The current session stays open
 * until the new one works. There is deliberately no password option: a password typed on
 * a command line ends up in shell history and process lists.
 */
@Component
public class ConnectCommand extends MigshCommand {

	public ConnectCommand() {
		super(CommandSpec.builder("connect")
			.description("Open a session (re-connect with other settings); no arguments: the configured default")
			.help("Settings not given here come from MIGSH_URL/DATABASE_URL, DB_*, PG* variables, .env,"
					+ " the project file's target, ~/.pgpass and pg_service.conf, else the sandbox."
					+ " A missing password is asked for.")
			.argument(ArgSpec.optional("URL",
					"postgres://user@host:port/db?sslmode=require, or a target of migsh.toml ([targets.NAME])",
					Completion.TARGETS))
			.option(OptionSpec.value("host", "HOST", "server host"))
			.option(OptionSpec.value("port", "PORT", "server port"))
			.option(OptionSpec.value("db", "NAME", "database name"))
			.option(OptionSpec.value("user", "NAME", "user name"))
			.option(OptionSpec.value("sslmode", "MODE", "disable, allow, prefer, require, verify-ca, verify-full"))
			.option(OptionSpec.value("service", "NAME", "a service from pg_service.conf"))
			.option(OptionSpec.value("env", "ENV", "development, staging or production", Completion.ENVIRONMENTS))
			.option(OptionSpec.value("placeholder", "NAME=VALUE", "a value for ${NAME} in migration SQL").repeatable())
			.option(OptionSpec.value("placeholder-prefix", "PREFIX", "placeholder start, default ${"))
			.option(OptionSpec.value("placeholder-suffix", "SUFFIX", "placeholder end, default }"))
			.build());
	}

	@Override
	public boolean needsDatabase() {
		return false;
	}

	@Override
	public ExitCode run(Invocation inv) {
		Integer port = inv.args().value("port").map(ConnectCommand::port).orElse(null);
		String given = inv.args().argument("URL").orElse(null);
		// a name without a scheme is a target of the project file: connect prod
		String target = (given != null && !given.contains("://")) ? given : null;
		ConnectRequest request = new ConnectRequest((target != null) ? null : given,
				inv.args().value("host").orElse(null), port, inv.args().value("db").orElse(null),
				inv.args().value("user").orElse(null), inv.args().value("sslmode").orElse(null),
				inv.args().value("service").orElse(null));
		if (!inv.args().values("placeholder").isEmpty() || inv.args().value("placeholder-prefix").isPresent()
				|| inv.args().value("placeholder-suffix").isPresent()) {
			inv.session()
				.addPlaceholders(inv.args().values("placeholder"), inv.args().value("placeholder-prefix").orElse(null),
						inv.args().value("placeholder-suffix").orElse(null));
		}
		inv.session().connect(request, inv.args().value("env").orElse(null), target, inv.prompter());
		for (String notice : inv.session().drainNotices()) {
			inv.out().println(notice);
		}
		var s = inv.session().currentDatabase().orElseThrow().settings();
		inv.out()
			.println("Connected to " + s.displayUrl() + " ("
					+ inv.session().environment().name().toLowerCase(java.util.Locale.ROOT) + ").");
		return ExitCode.OK;
	}

	private static int port(String text) {
		try {
			int p = Integer.parseInt(text);
			if (p > 0 && p < 65536) {
				return p;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new dev.migsh.core.UsageException("connect: '" + text + "' is not a port number", "use 1-65535");
	}

}
