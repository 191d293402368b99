package dev.migsh.core.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.migsh.core.MigshException;
import dev.migsh.core.postgres.Identifiers;

/**
 * The development sandbox: a real PostgreSQL started from the jar's embedded binaries,
 * its data kept under {@code ~/.migsh/sandbox} between runs. Several migsh processes
 * share one server: the first starts it, later ones attach, and the last one to leave
 * stops it. Starting, attaching and leaving happen under a file lock, so two shells
 * started at once cannot both start a server on the same data.
 */
public final class Sandbox implements AutoCloseable {

	public static final String USER = "postgres";

	public static final String DATABASE = "sandbox";

	static final int PREFERRED_PORT = 54329;

	/**
	 * The port this user's sandbox tries first: one of 500 above {@link #PREFERRED_PORT},
	 * chosen by the user name, so two users on one host get different, stable ports.
	 */
	static int preferredPort(String user) {
		return PREFERRED_PORT + Math.floorMod(user.hashCode(), 500);
	}

	private final Path root;

	private final int port;

	private final boolean started;

	private final EmbeddedPostgres server;

	private boolean closed;

	private Sandbox(Path root, int port, boolean started, EmbeddedPostgres server) {
		this.root = root;
		this.port = port;
		this.started = started;
		this.server = server;
	}

	/** Attaches to the running sandbox under {@code root}, or starts it. */
	public static Sandbox open(Path root) {
		try {
			Files.createDirectories(root.resolve("clients"));
			try (FileChannel channel = FileChannel.open(root.resolve("sandbox.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				Path data = root.resolve("data");
				Optional<Integer> running = runningPort(data);
				Sandbox sandbox;
				if (running.isPresent()) {
					sandbox = new Sandbox(root, running.get(), false, null);
				}
				else {
					int port = freePort();
					EmbeddedPostgres server = EmbeddedPostgres.builder()
						.setDataDirectory(data)
						.setCleanDataDirectory(false)
						.setRegisterShutdownHook(false)
						.setPort(port)
						.setPGStartupWait(Duration.ofSeconds(30))
						.setOutputRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("server.log").toFile()))
						.setErrorRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("server.log").toFile()))
						.start();
					sandbox = new Sandbox(root, port, true, server);
				}
				sandbox.ensureDatabase();
				Files.writeString(root.resolve("clients").resolve(Long.toString(ProcessHandle.current().pid())), "");
				return sandbox;
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			throw new MigshException("the sandbox PostgreSQL under " + root + " could not start: " + ex.getMessage(),
					"see " + root.resolve("server.log") + "; to start afresh, stop every migsh and remove "
							+ root.resolve("data") + "; or connect to a real server with --url",
					ex);
		}
	}

	public int port() {
		return this.port;
	}

	/**
	 * True when this process started the server (false: it attached to a running one).
	 */
	public boolean startedHere() {
		return this.started;
	}

	public Path root() {
		return this.root;
	}

	public ConnectionSettings settings() {
		return ConnectionSettings.sandbox(this.port, USER, DATABASE);
	}

	private void ensureDatabase() throws IOException {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + this.port + "/postgres",
				props()); Statement s = c.createStatement()) {
			try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				q.setString(1, DATABASE);
				try (ResultSet rs = q.executeQuery()) {
					if (rs.next()) {
						return;
					}
				}
			}
			s.execute("CREATE DATABASE " + Identifiers.quote(DATABASE));
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) {
				throw new IOException("cannot create the sandbox database: " + ex.getMessage(), ex);
			}
		}
	}

	private static Properties props() {
		Properties p = new Properties();
		p.setProperty("user", USER);
		p.setProperty("ApplicationName", "migsh");
		return p;
	}

	/**
	 * Leaves the sandbox; the last migsh process to leave asks the server to stop (a
	 * smart shutdown, so a session that is still open finishes first).
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try (FileChannel channel = FileChannel.open(this.root.resolve("sandbox.lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			Path clients = this.root.resolve("clients");
			Files.deleteIfExists(clients.resolve(Long.toString(ProcessHandle.current().pid())));
			if (liveClients(clients).isEmpty()) {
				if (this.server != null) {
					this.server.close();
				}
				else {
					postmasterPid(this.root.resolve("data")).flatMap(ProcessHandle::of)
						.ifPresent(ProcessHandle::destroy);
				}
			}
		}
		catch (IOException ex) {
			// leaving is best effort: a server left running is reused by the next start
		}
	}

	private static List<Path> liveClients(Path clients) throws IOException {
		try (Stream<Path> files = Files.list(clients)) {
			return files.filter(f -> {
				boolean alive = parsePid(f.getFileName().toString()).flatMap(ProcessHandle::of)
					.map(ProcessHandle::isAlive)
					.orElse(false);
				if (!alive) {
					try {
						Files.deleteIfExists(f);
					}
					catch (IOException ex) {
						return false;
					}
				}
				return alive;
			}).toList();
		}
	}

	/** The port of a server already running on this data directory, if one answers. */
	static Optional<Integer> runningPort(Path data) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 4) {
			return Optional.empty();
		}
		Optional<Long> pid = parsePid(lines.get(0).trim());
		if (pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
			int port = Integer.parseInt(lines.get(3).trim());
			if (answers(port)) {
				return Optional.of(port);
			}
		}
		return Optional.empty();
	}

	private static Optional<Long> postmasterPid(Path data) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		return lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0).trim());
	}

	private static Optional<Long> parsePid(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean answers(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		int preferred = preferredPort(System.getProperty("user.name", ""));
		if (!answers(preferred)) {
			try (ServerSocket probe = new ServerSocket(preferred)) {
				return preferred;
			}
			catch (IOException ex) {
				// taken by something that does not answer; fall through to any free port
			}
		}
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
