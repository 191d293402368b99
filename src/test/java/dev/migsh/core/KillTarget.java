package dev.migsh.core;

import java.nio.file.Path;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migsh.core.apply.ApplyListener;
import dev.migsh.core.apply.ApplyRequest;
import dev.migsh.core.apply.Cancellation;

/**
 * Run in a child JVM by the kill test: applies a folder's migrations, then waits to be
 * killed.
 */
public final class KillTarget {

	private KillTarget() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setURL(args[0]);
		ds.setUser("postgres");
		new Migrator(ds, MigratorConfig.defaults(Path.of(args[1])).withOperator("killed@child"))
			.apply(ApplyRequest.all(), ApplyListener.NONE, Cancellation.none());
	}

}
