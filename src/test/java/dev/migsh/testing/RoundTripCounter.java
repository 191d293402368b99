package dev.migsh.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A TCP proxy in front of a test database that counts the round trips clients make: each
 * frontend Sync (extended protocol) or Query (simple protocol) message is one exchange
 * the client waits for, except the driver's own {@code BEGIN}: pgjdbc writes it as a
 * Query in the same flush as the statement that opens the transaction and reads both
 * replies after that statement's Sync, so it costs no wait of its own. It reads the wire
 * protocol, so what it counts is what the server receives, whatever the driver batches.
 */
public final class RoundTripCounter implements AutoCloseable {

	private static final int SSL_REQUEST = 80877103;

	private static final int GSS_REQUEST = 80877104;

	private final TestDatabase db;

	private final ServerSocket server;

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong namedParses = new AtomicLong();

	private final int upstreamPort;

	/**
	 * The counter as a stand-alone proxy for {@code bench/round-trips.sh}: forwards a
	 * local port to {@code UPSTREAM_PORT}, prints {@code port N}, then the count so far
	 * for each line read from standard input. java -cp target/test-classes:postgresql.jar
	 * dev.migsh.testing.RoundTripCounter UPSTREAM_PORT
	 */
	public static void main(String[] args) throws IOException {
		try (RoundTripCounter counter = new RoundTripCounter(null, Integer.parseInt(args[0]));
				java.io.BufferedReader lines = new java.io.BufferedReader(
						new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
			System.out.println("port " + counter.server.getLocalPort());
			System.out.flush();
			while (lines.readLine() != null) {
				System.out.println(counter.count());
				System.out.flush();
			}
		}
	}

	public RoundTripCounter(TestDatabase db) throws IOException {
		this(db, db.port());
	}

	private RoundTripCounter(TestDatabase db, int upstreamPort) throws IOException {
		this.db = db;
		this.upstreamPort = upstreamPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "round-trip-counter");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Round trips counted so far, over every connection. */
	public long count() {
		return this.count.get();
	}

	/**
	 * Statements the server was asked to prepare under a name (a Parse message naming its
	 * statement): the driver's server-side prepared statements, made once and reused
	 * unless the driver forgets them.
	 */
	public long namedParses() {
		return this.namedParses.get();
	}

	/** A data source whose connections go through this proxy. */
	public DataSource dataSource() {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setServerNames(new String[] { "localhost" });
		ds.setPortNumbers(new int[] { this.server.getLocalPort() });
		ds.setDatabaseName(this.db.name());
		ds.setUser(TestDatabase.USER);
		ds.setSslMode("disable");
		ds.setGssEncMode("disable");
		return ds;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.upstreamPort);
				pump("to-server", () -> countAndCopy(client.getInputStream(), upstream.getOutputStream()), client,
						upstream);
				pump("to-client", () -> upstream.getInputStream().transferTo(client.getOutputStream()), client,
						upstream);
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	@FunctionalInterface
	private interface Copy {

		long run() throws IOException;

	}

	private static void pump(String name, Copy copy, Socket a, Socket b) {
		Thread t = new Thread(() -> {
			try {
				copy.run();
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(a);
				closeQuietly(b);
			}
		}, "round-trip-counter-" + name);
		t.setDaemon(true);
		t.start();
	}

	private long countAndCopy(InputStream from, OutputStream to) throws IOException {
		DataInputStream in = new DataInputStream(from);
		try {
			// untyped start-up messages: SSL/GSS requests (refused by sslmode/gssencmode
			// disable, so never sent) and the StartupMessage
			while (true) {
				int length = in.readInt();
				byte[] body = in.readNBytes(length - 4);
				write(to, length, body);
				int code = body.length >= 4 ? ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16)
						| ((body[2] & 0xff) << 8) | (body[3] & 0xff) : 0;
				if (code != SSL_REQUEST && code != GSS_REQUEST) {
					break;
				}
			}
			while (true) {
				int type = in.read();
				if (type < 0) {
					return 0;
				}
				int length = in.readInt();
				byte[] body = in.readNBytes(length - 4);
				if (type == 'S' || (type == 'Q' && !isBegin(body))) {
					this.count.incrementAndGet();
				}
				if (type == 'P' && body.length > 0 && body[0] != 0) {
					this.namedParses.incrementAndGet();
				}
				to.write(type);
				write(to, length, body);
			}
		}
		catch (EOFException ex) {
			return 0;
		}
	}

	private static boolean isBegin(byte[] body) {
		return new String(body, StandardCharsets.UTF_8).equals("BEGIN\0");
	}

	private static void write(OutputStream to, int length, byte[] body) throws IOException {
		to.write(new byte[] { (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length });
		to.write(body);
		to.flush();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
