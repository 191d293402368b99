package dev.migsh.shell;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.MigshException;
import dev.migsh.core.Migrator;
import dev.migsh.core.MigratorConfig;
import dev.migsh.core.catalog.Placeholders;
import dev.migsh.core.connect.ConnectRequest;
import dev.migsh.core.connect.ConnectionFailedException;
import dev.migsh.core.connect.ConnectionSettings;
import dev.migsh.core.connect.Database;
import dev.migsh.core.connect.Environment;
import dev.migsh.core.connect.PostgresUrl;
import dev.migsh.core.connect.Sandbox;
import dev.migsh.core.connect.TargetDatabase;
import dev.migsh.core.connect.Secret;
import dev.migsh.core.connect.Resolution;
import dev.migsh.core.connect.SettingsResolver;
import dev.migsh.core.connect.ProjectTarget;
import dev.migsh.core.plan.PlanFingerprint;
import dev.migsh.core.project.ProjectSettings;

/**
 * The state a shell keeps between commands: the open database session (or none), the
 * sandbox it may have started, the environment, and notices to show the user. One-shot
 * and script runs use the same object for their one run.
 */
public final class ShellSession implements AutoCloseable {

	private final LaunchOptions launch;

	private final Map<String, String> env;

	private final Path workingDir;

	private final Path userHome;

	private final Path home;

	private final ProjectSettings project;

	private final List<String> notices = new ArrayList<>();

	private final List<String> typed = new ArrayList<>();

	private final Deque<ScriptRunner.Frame> scripts = new ArrayDeque<>();

	private Database database;

	private Sandbox sandbox;

	private Environment environment = Environment.DEVELOPMENT;

	private String environmentSource = "development (inferred)";

	private boolean explicitlyDisconnected;

	private boolean exitRequested;

	private PlanFingerprint reviewedPlan;

	private dev.migsh.core.rehearse.RehearsalReport rehearsal;

	private Placeholders placeholders;

	private ProjectTarget target;

	/**
	 * @param userHome the user's home, where ~/.pgpass and ~/.pg_service.conf live
	 * @param home migsh's own folder (~/.migsh): sandbox data, logs, history
	 * @throws MigshException when the project file or a setting is wrong
	 */
	public ShellSession(LaunchOptions launch, Map<String, String> env, Path workingDir, Path userHome, Path home) {
		this.launch = launch;
		this.env = env;
		this.workingDir = workingDir;
		this.userHome = userHome;
		this.home = home;
		this.project = ProjectSettings.resolve(launch.flags(), env, workingDir);
		if (launch.url() != null && passwordIn(launch.url())) {
			this.notices.add("Warning: the password given in --url can be read by other users of this host (ps shows"
					+ " command lines); prefer PGPASSWORD, ~/.pgpass, or leave it out to be asked for it.");
		}
	}

	private static boolean passwordIn(String url) {
		try {
			return PostgresUrl.parse(url).password() != null;
		}
		catch (RuntimeException ex) {
			// a malformed URL is reported when it is used
			return false;
		}
	}

	public LaunchOptions launch() {
		return this.launch;
	}

	public Path home() {
		return this.home;
	}

	/** The folder relative paths are read from (the process's working directory). */
	public Path workingDir() {
		return this.workingDir;
	}

	/**
	 * The process environment, where a script's {@code ${VAR}} is looked up after
	 * {@code --set}.
	 */
	public Map<String, String> environmentVariables() {
		return this.env;
	}

	/**
	 * Keeps a command typed at the prompt that succeeded, for {@code record}; a password
	 * in a connection URL is redacted first.
	 */
	public void remember(String line) {
		this.typed.add(ErrorReporter.redact(line, secrets()));
	}

	/**
	 * The commands typed at the prompt since the session began that succeeded, oldest
	 * first.
	 */
	public List<String> typedCommands() {
		return List.copyOf(this.typed);
	}

	/** The script running now, innermost first when scripts call scripts. */
	public Optional<ScriptRunner.Frame> currentScript() {
		return Optional.ofNullable(this.scripts.peek());
	}

	int scriptDepth() {
		return this.scripts.size();
	}

	void enterScript(ScriptRunner.Frame frame) {
		this.scripts.push(frame);
	}

	void leaveScript() {
		this.scripts.pop();
	}

	public Path migrationsDir() {
		return this.project.migrations().value();
	}

	/**
	 * The project settings (flags over environment over project file over defaults) with
	 * their origins.
	 */
	public ProjectSettings project() {
		return this.project;
	}

	public String historySchema() {
		return this.project.historySchema().value();
	}

	public boolean connected() {
		return this.database != null;
	}

	/** The open session, connecting with the launch settings on first use. */
	public Database database(Prompter prompter) {
		if (this.database == null) {
			if (this.explicitlyDisconnected) {
				throw new MigshException("not connected", "connect to a database first: connect [--url URL]");
			}
			connect(new ConnectRequest(this.launch.url(), null, null, null, null, null, null), this.launch.env(),
					prompter);
		}
		return this.database;
	}

	/**
	 * The migration engine on the open session, with the launch's migrations folder and
	 * history schema. Cheap to make: it holds no state of its own beyond the pool.
	 */
	public Migrator migrator(Prompter prompter) {
		Database db = database(prompter);
		return new Migrator(db.dataSource(),
				MigratorConfig.defaults(migrationsDir())
					.withHistorySchema(historySchema())
					.withLockWait(this.project.lockWait().value())
					.withTimeouts(this.project.lockTimeout().value(), this.project.statementTimeout().value())
					.withPlaceholders(placeholders()),
				new TargetDatabase(this.environment, this.environmentSource, db.serverInfo().database(),
						db.settings().host(), this.launch.allowInsecure()));
	}

	/**
	 * The placeholder values for migration SQL: the launch's, then those given to
	 * {@code connect}, with {@code migsh:user} and {@code migsh:database} of the open
	 * session and {@code migsh:schema} of the history.
	 */
	public Placeholders placeholders() {
		Placeholders given = (this.placeholders != null) ? this.placeholders : this.project.placeholders();
		if (this.database == null) {
			return given.withValue(Placeholders.SCHEMA, historySchema());
		}
		ConnectionSettings settings = this.database.settings();
		return given.withBuiltIns(historySchema(), settings.user(), settings.database());
	}

	/**
	 * Adds {@code connect --placeholder NAME=VALUE} values; a prefix or suffix given
	 * replaces the current one.
	 */
	public void addPlaceholders(List<String> assignments, String prefix, String suffix) {
		Placeholders current = (this.placeholders != null) ? this.placeholders : this.project.placeholders();
		Placeholders added = LaunchOptions.placeholders(assignments, prefix == null ? current.prefix() : prefix,
				suffix == null ? current.suffix() : suffix, Map.of());
		this.placeholders = current.withValues(added.values()).withSyntax(added.prefix(), added.suffix());
	}

	/** The project file's target the open session was made with, if any. */
	public Optional<ProjectTarget> target() {
		return Optional.ofNullable(this.target);
	}

	public Optional<Database> currentDatabase() {
		return Optional.ofNullable(this.database);
	}

	/**
	 * Opens a session with these settings, replacing the current one only if the new one
	 * works.
	 */
	public void connect(ConnectRequest request, String environmentOverride, Prompter prompter) {
		connect(request, environmentOverride, null, prompter);
	}

	/**
	 * Opens a session; {@code targetName} chooses a target of the project file
	 * ({@code connect prod}), else the launch's or the file's default applies unless the
	 * request names a server itself.
	 */
	public void connect(ConnectRequest request, String environmentOverride, String targetName, Prompter prompter) {
		String envFlag = environmentOverride != null ? environmentOverride : this.launch.env();
		ProjectTarget target = (targetName != null) ? this.project.target(targetName, "connect " + targetName)
				: this.project.target().filter((t) -> !t.explicit() || !namesServer(request)).orElse(null);
		Resolution resolution = new SettingsResolver().resolve(request, envFlag, target, this.env, this.workingDir,
				this.userHome);
		Sandbox openedSandbox = null;
		ConnectionSettings settings;
		if (resolution.settings().isPresent()) {
			settings = resolution.settings().get();
		}
		else {
			openedSandbox = this.sandbox != null ? this.sandbox : Sandbox.open(this.home.resolve("sandbox"));
			settings = openedSandbox.settings();
		}
		if (this.project.searchPath().isPresent()) {
			settings = settings.withSearchPath(this.project.searchPath().get().value(),
					this.project.searchPath().get().origin());
		}
		Database opened;
		try {
			opened = openAskingForPassword(settings, prompter);
		}
		catch (RuntimeException ex) {
			if (openedSandbox != null && openedSandbox != this.sandbox) {
				openedSandbox.close();
			}
			throw ex;
		}
		closeDatabase();
		if (this.sandbox != null && this.sandbox != openedSandbox) {
			this.sandbox.close();
		}
		if (openedSandbox != null && openedSandbox != this.sandbox) {
			this.notices.add("Sandbox: a local PostgreSQL " + opened.serverInfo().major() + " ("
					+ (openedSandbox.startedHere() ? "started" : "already running") + " on localhost:"
					+ openedSandbox.port() + ", data in " + openedSandbox.root()
					+ "). Point migsh at a real server with --url or MIGSH_URL.");
		}
		this.sandbox = openedSandbox;
		this.database = opened;
		this.reviewedPlan = null;
		this.rehearsal = null;
		this.explicitlyDisconnected = false;
		this.target = target;
		this.environment = resolution.environment().environment();
		this.environmentSource = resolution.environment().describe();
	}

	private static boolean namesServer(ConnectRequest request) {
		return request != null && (request.url() != null || request.host() != null || request.port() != null
				|| request.database() != null || request.user() != null || request.service() != null);
	}

	private Database openAskingForPassword(ConnectionSettings settings, Prompter prompter) {
		try {
			return Database.open(settings);
		}
		catch (ConnectionFailedException ex) {
			if (!ex.passwordRequired() || !prompter.interactive()) {
				throw ex;
			}
			String password = prompter.readSecret("Password for " + settings.user() + "@" + settings.host() + ": ");
			return Database.open(settings.withPassword(Secret.of(password)));
		}
	}

	public void disconnect() {
		this.reviewedPlan = null;
		this.rehearsal = null;
		closeDatabase();
		if (this.sandbox != null) {
			this.sandbox.close();
			this.sandbox = null;
		}
		this.explicitlyDisconnected = true;
	}

	private void closeDatabase() {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

	public Optional<Sandbox> sandbox() {
		return Optional.ofNullable(this.sandbox);
	}

	public Environment environment() {
		return this.environment;
	}

	public String environmentSource() {
		return this.environmentSource;
	}

	/** Checks the session before a command; a server restart becomes a notice. */
	public void checkAlive() {
		if (this.database != null) {
			this.database.checkAlive().ifPresent(this.notices::add);
		}
	}

	/**
	 * The fingerprint of the last {@code plan} shown in this session, which {@code apply}
	 * holds itself to.
	 */
	public Optional<PlanFingerprint> reviewedPlan() {
		return Optional.ofNullable(this.reviewedPlan);
	}

	/**
	 * The last rehearsal in this session, whose verdict apply's pre-flight shows for the
	 * same plan.
	 */
	public Optional<dev.migsh.core.rehearse.RehearsalReport> rehearsal() {
		return Optional.ofNullable(this.rehearsal);
	}

	/** Remembers a rehearsal; null forgets it. */
	public void rehearsal(dev.migsh.core.rehearse.RehearsalReport report) {
		this.rehearsal = report;
	}

	/** Remembers the plan just shown; null forgets it (after an apply ran it). */
	public void reviewedPlan(PlanFingerprint fingerprint) {
		this.reviewedPlan = fingerprint;
	}

	/** The exit command asks the shell or script to stop after it. */
	public void requestExit() {
		this.exitRequested = true;
	}

	public boolean exitRequested() {
		return this.exitRequested;
	}

	public List<String> drainNotices() {
		List<String> out = List.copyOf(this.notices);
		this.notices.clear();
		return out;
	}

	/** Every secret this session knows, for redacting messages. */
	public List<String> secrets() {
		List<String> secrets = new ArrayList<>();
		if (this.database != null && this.database.settings().password() != null) {
			secrets.add(this.database.settings().password().reveal());
		}
		if (this.database != null && this.database.settings().options().given().containsKey("sslpassword")) {
			secrets.add(this.database.settings().options().given().get("sslpassword"));
		}
		Placeholders placeholders = placeholders();
		placeholders.values().forEach((name, value) -> {
			if (placeholders.isSecret(name)) {
				secrets.add(value);
			}
		});
		return secrets;
	}

	@Override
	public void close() {
		closeDatabase();
		if (this.sandbox != null) {
			this.sandbox.close();
			this.sandbox = null;
		}
	}

}
