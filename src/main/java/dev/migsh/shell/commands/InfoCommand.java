package dev.migsh.shell.commands;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.connect.ConnectionSettings;
import dev.migsh.core.connect.Setting;
import dev.migsh.core.connect.Database;
import dev.migsh.core.connect.ServerInfo;
import dev.migsh.core.project.ProjectSettings;
import dev.migsh.shell.CommandSpec;
import dev.migsh.shell.Durations;
import dev.migsh.shell.Invocation;
import dev.migsh.shell.MigshCommand;
import dev.migsh.shell.OptionSpec;
import dev.migsh.shell.Style;
import dev.migsh.shell.TextTable;

/**
 * {@code info}: the session — server, identity, SSL, environment, and where each setting
 * came from.
 */
@Component
public class InfoCommand extends MigshCommand {

	public InfoCommand() {
		super(CommandSpec.builder("info")
			.description("Show the server, user, database, SSL, environment and where each setting came from")
			.option(OptionSpec.flag("json", "print JSON"))
			.build());
	}

	@Override
	public ExitCode run(Invocation inv) {
		Database db = inv.session().database(inv.prompter());
		ServerInfo server = db.serverInfo();
		ConnectionSettings s = db.settings();
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("server", "PostgreSQL " + server.version().replaceFirst("^PostgreSQL ([^ ]+).*$", "$1") + " ("
				+ (server.inRecovery() ? "standby, read-only" : server.readOnly() ? "primary, read-only" : "primary")
				+ ")");
		facts.put("user", s.user());
		facts.put("database", s.database());
		facts.put("host", s.host());
		facts.put("port", s.port());
		facts.put("ssl", server.ssl() ? "on (" + server.sslVersion() + ")" : "off");
		facts.put("sslmode", s.sslMode());
		facts.put("environment", inv.session().environmentSource());
		facts.put("sandbox", inv.session().sandbox().map(sb -> sb.root().toString()).orElse("no"));
		facts.put("migrations", inv.session().migrationsDir().toString());
		facts.put("history_schema", inv.session().historySchema());
		// given values only, secret ones masked; the migsh: built-ins follow the session
		java.util.List<String> placeholders = inv.session()
			.placeholders()
			.shown()
			.entrySet()
			.stream()
			.filter(e -> !e.getKey().startsWith("migsh:"))
			.map(e -> e.getKey() + "=" + e.getValue())
			.toList();
		if (!placeholders.isEmpty()) {
			facts.put("placeholders", String.join(", ", placeholders));
		}
		ProjectSettings project = inv.session().project();
		facts.put("search_path", server.searchPath());
		facts.put("lock_wait", Durations.format(project.lockWait().value()));
		facts.put("lock_timeout", Durations.format(project.lockTimeout().value()));
		facts.put("statement_timeout", Durations.format(project.statementTimeout().value()));
		project.file().ifPresent((f) -> facts.put("project_file", f.value().toString()));
		facts.put("backend_pid", server.backendPid());
		facts.put("lock",
				inv.session().migrator(inv.prompter()).lockHolder().map(h -> "held by " + h.describe()).orElse("free"));
		if (inv.json()) {
			Map<String, Object> json = new LinkedHashMap<>(facts);
			Map<String, String> origins = new LinkedHashMap<>();
			s.origins().forEach((k, v) -> origins.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
			json.put("origins", origins);
			json.put("password", s.password() == null ? "none" : "set");
			json.put("connection_options", s.options().shown());
			Map<String, String> settings = new LinkedHashMap<>(s.options().origins());
			settings.put("migrations", project.migrations().origin());
			settings.put("history_schema", project.historySchema().origin());
			settings.put("lock_wait", project.lockWait().origin());
			settings.put("lock_timeout", project.lockTimeout().origin());
			settings.put("statement_timeout", project.statementTimeout().origin());
			settings.put("search_path", searchPathOrigin(s));
			project.placeholderOrigins().forEach((name, origin) -> settings.put("placeholder " + name, origin));
			json.put("setting_origins", settings);
			inv.out().json(json);
			return ExitCode.OK;
		}
		TextTable table = new TextTable("Setting", "Value", "From");
		table.row("Server", facts.get("server"), "");
		table.row("User", s.user(), origin(s, Setting.USER));
		table.row("Database", s.database(), origin(s, Setting.DATABASE));
		table.row("Host", s.host(), origin(s, Setting.HOST));
		table.row("Port", s.port(), origin(s, Setting.PORT));
		table.row("Password", s.password() == null ? "none" : "set (hidden)", origin(s, Setting.PASSWORD));
		table.row("SSL", facts.get("ssl") + ", sslmode " + s.sslMode(), origin(s, Setting.SSLMODE));
		table.row(new TextTable.Cell("Environment", null),
				new TextTable.Cell(inv.session().environment().label(), envStyle(inv)),
				inv.session().environmentSource());
		inv.session()
			.target()
			.ifPresent((t) -> table.row("Target", t.name(), t.chosenBy() + (t.explicit() ? "" : " (default)")));
		s.options()
			.shown()
			.forEach((name, value) -> table.row("Option " + name, value, s.options().origins().get(name)));
		table.row("Search path", server.searchPath(), searchPathOrigin(s));
		table.row("Sandbox", facts.get("sandbox"), "");
		project.file().ifPresent((f) -> table.row("Project file", f.value(), f.origin()));
		table.row("Migrations", facts.get("migrations"), project.migrations().origin());
		table.row("History", "schema " + facts.get("history_schema"), project.historySchema().origin());
		table.row("Lock wait", facts.get("lock_wait"), project.lockWait().origin());
		table.row("Lock timeout", facts.get("lock_timeout"), project.lockTimeout().origin());
		table.row("Statement timeout", facts.get("statement_timeout"), project.statementTimeout().origin());
		if (facts.containsKey("placeholders")) {
			// one row, as before; From names each distinct source
			String from = inv.session()
				.placeholders()
				.shown()
				.keySet()
				.stream()
				.filter((name) -> !name.startsWith("migsh:"))
				.map((name) -> project.placeholderOrigins().getOrDefault(name, "connect --placeholder"))
				.distinct()
				.collect(java.util.stream.Collectors.joining(", "));
			table.row("Placeholders", facts.get("placeholders"), from);
		}
		String syntax = inv.session().placeholders().prefix() + "name" + inv.session().placeholders().suffix();
		if (!syntax.equals("${name}")) {
			table.row("Placeholder syntax", syntax, project.placeholderOrigins().getOrDefault("prefix", ""));
		}
		table.row("Migration lock", facts.get("lock"), "");
		table.row("Backend pid", server.backendPid(), "");
		inv.out().table(table);
		return ExitCode.OK;
	}

	private static Style envStyle(Invocation inv) {
		return switch (inv.session().environment()) {
			case DEVELOPMENT -> Style.GREEN;
			case STAGING -> Style.YELLOW;
			case PRODUCTION -> Style.BOLD_RED;
		};
	}

	/**
	 * Where the effective search_path comes from: migsh's setting, a {@code -c} in the
	 * connection options, else the server (role, database or postgresql.conf).
	 */
	private static String searchPathOrigin(ConnectionSettings s) {
		if (s.options().searchPath() != null) {
			return s.options().searchPathOrigin();
		}
		String options = s.options().driverProperties().getOrDefault("options", "");
		if (options.contains("search_path")) {
			return "options (" + s.options().origins().get("options") + ")";
		}
		if (s.options().driverProperties().containsKey("currentSchema")) {
			return "currentSchema (" + s.options().origins().get("currentSchema") + ")";
		}
		return "the server's default";
	}

	private static String origin(ConnectionSettings s, Setting setting) {
		String origin = s.origins().get(setting);
		return origin == null ? "" : origin;
	}

}
