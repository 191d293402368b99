package dev.migsh.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;
import dev.migsh.testing.FreshDatabase;
import dev.migsh.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A connection lost right after COMMIT was sent leaves the outcome in doubt: migsh reads
 * the history on a new connection and says whether the migration committed.
 */
@ExtendWith(FreshDatabase.class)
class InDoubtCommitTest {

	@TempDir
	Path dir;

	@Test
	void aConnectionLostRightAfterCommitIsReportedAsCommittedWhenTheServerCommitted(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir)
			.write("001-doubt.sql", "-- migrate:up\nCREATE TABLE doubt (id int);\n")
			.write("002-later.sql", "-- migrate:up\nCREATE TABLE later (id int);\n");
		try (CommitCutter proxy = new CommitCutter(db.port(), "CREATE TABLE doubt")) {
			Migrator migrator = new Migrator(proxy.dataSource(db), folder.config());

			assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
				.isInstanceOfSatisfying(MigshException.class, e -> assertThat(e.getMessage())
					.contains("lost while committing 001-doubt", "the server did commit it"));

			assertThat(proxy.cuts.get()).isEqualTo(1);
		}
		assertThat(folder.migrator(db).appliedIds()).containsExactly("001-doubt");
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('later') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void aConnectionLostBeforeTheCommitArrivedIsReportedAsNotCommitted(TestDatabase db) throws Exception {
		MigrationFolder folder = new MigrationFolder(this.dir).write("001-doubt.sql",
				"-- migrate:up\nCREATE TABLE doubt (id int);\n");
		try (CommitCutter proxy = new CommitCutter(db.port(), "CREATE TABLE doubt", false)) {
			Migrator migrator = new Migrator(proxy.dataSource(db), folder.config());

			assertThatThrownBy(() -> migrator.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none()))
				.isInstanceOfSatisfying(MigshException.class, e -> assertThat(e.getMessage())
					.contains("lost while committing 001-doubt", "the server did not commit it"));
		}
		assertThat(folder.migrator(db).pendingIds()).containsExactly("001-doubt");
		assertThat(db.jdbc().queryForObject("SELECT to_regclass('doubt') IS NULL", Boolean.class)).isTrue();
	}

	/**
	 * A TCP proxy on 127.0.0.1 to the test server that, on the connection that sent
	 * {@code marker}, forwards the next COMMIT and then closes both sockets without
	 * passing back the answer.
	 */
	static final class CommitCutter implements AutoCloseable {

		final AtomicInteger cuts = new AtomicInteger();

		private final ServerSocket listener;

		private final int target;

		private final String marker;

		private final boolean forwardCommit;

		CommitCutter(int target, String marker) throws IOException {
			this(target, marker, true);
		}

		/**
		 * With {@code forwardCommit} false the COMMIT is dropped, as a network cut would.
		 */
		CommitCutter(int target, String marker, boolean forwardCommit) throws IOException {
			this.forwardCommit = forwardCommit;
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.target = target;
			this.marker = marker;
			Thread accept = new Thread(this::accept, "commit-cutter");
			accept.setDaemon(true);
			accept.start();
		}

		PGSimpleDataSource dataSource(TestDatabase db) {
			PGSimpleDataSource ds = new PGSimpleDataSource();
			ds.setServerNames(new String[] { "127.0.0.1" });
			ds.setPortNumbers(new int[] { this.listener.getLocalPort() });
			ds.setDatabaseName(db.name());
			ds.setUser(TestDatabase.USER);
			ds.setSslMode("disable");
			return ds;
		}

		private void accept() {
			while (!this.listener.isClosed()) {
				try {
					Socket client = this.listener.accept();
					Socket server = new Socket(InetAddress.getLoopbackAddress(), this.target);
					AtomicBoolean cut = new AtomicBoolean();
					start(() -> pump(server.getInputStream(), client.getOutputStream(), null, cut, client, server));
					start(() -> pump(client.getInputStream(), server.getOutputStream(), this.marker, cut, client,
							server));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private static void start(IoTask task) {
			Thread t = new Thread(() -> {
				try {
					task.run();
				}
				catch (IOException ex) {
					// the other side closed
				}
			});
			t.setDaemon(true);
			t.start();
		}

		private void pump(InputStream in, OutputStream out, String watch, AtomicBoolean cut, Socket client,
				Socket server) throws IOException {
			byte[] buffer = new byte[16384];
			boolean marked = false;
			try {
				int n;
				while ((n = in.read(buffer)) > 0) {
					if (watch == null) {
						// once the COMMIT went through, its answer never reaches the
						// client
						if (cut.get()) {
							return;
						}
						out.write(buffer, 0, n);
						out.flush();
						continue;
					}
					String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
					marked = marked || text.contains(watch);
					boolean commit = marked && text.contains("COMMIT");
					if (commit) {
						cut.set(true);
					}
					if (!commit || this.forwardCommit) {
						out.write(buffer, 0, n);
						out.flush();
					}
					if (commit) {
						this.cuts.incrementAndGet();
						client.close();
						// the server reads the COMMIT before its connection goes
						sleep(300);
						server.close();
						return;
					}
				}
			}
			finally {
				client.close();
				server.close();
			}
		}

		private static void sleep(long ms) {
			try {
				Thread.sleep(ms);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() throws IOException {
			this.listener.close();
		}

	}

	@FunctionalInterface
	interface IoTask {

		void run() throws IOException;

	}

}
