package dev.migsh.shell.commands;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.migsh.core.ExitCode;
import dev.migsh.core.connect.ConnectionSettings;
import dev.migsh.core.connect.Setting;
import dev.migsh.core.connect.Database;
import dev.migsh.core.connect.ServerInfo;
import dev.migsh.shell.CommandSpec;
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
		facts.put("history_schema", inv.session().launch().schema());
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
		facts.put("backend_pid", server.backendPid());
		facts.put("lock",
				inv.session().migrator(inv.prompter()).lockHolder().map(h -> "held by " + h.describe()).orElse("free"));
		if (inv.json()) {
			Map<String, Object> json = new LinkedHashMap<>(facts);
			Map<String, String> origins = new LinkedHashMap<>();
			s.origins().forEach((k, v) -> origins.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
			json.put("origins", origins);
			json.put("password", s.password() == null ? "none" : "set");
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
		table.row("Sandbox", facts.get("sandbox"), "");
		table.row("Migrations", facts.get("migrations"), "");
		table.row("History", "schema " + facts.get("history_schema"), "");
		if (facts.containsKey("placeholders")) {
			table.row("Placeholders", facts.get("placeholders"), "--placeholder, MIGSH_PLACEHOLDER_*, connect");
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

	private static String origin(ConnectionSettings s, Setting setting) {
		String origin = s.origins().get(setting);
		return origin == null ? "" : origin;
	}

}
