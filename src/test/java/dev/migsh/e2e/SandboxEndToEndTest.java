package dev.migsh.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox as a new user meets it: nothing configured, a real PostgreSQL from the jar
 * with its data under MIGSH_HOME; two processes started at once share it; its data
 * survives; the last process to leave stops it.
 */
class SandboxEndToEndTest {

	@TempDir
	Path dir;

	@Test
	void twoProcessesStartedAtOnceShareOneSandboxWhoseDataSurvives() throws Exception {
		Path migrations = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(migrations.resolve("001-create-notes.sql"),
				"-- migrate:up\nCREATE TABLE notes (id int);\n-- migrate:down\nDROP TABLE notes;\n");
		List<CompletableFuture<MigshProcess.Result>> runs = new ArrayList<>();
		runs.add(CompletableFuture.supplyAsync(() -> run("apply")));
		runs.add(CompletableFuture.supplyAsync(() -> run("info")));
		for (CompletableFuture<MigshProcess.Result> r : runs) {
			MigshProcess.Result result = r.get();
			assertThat(result.exitCode()).as(result.all()).isZero();
			assertThat(result.stderr()).contains("Sandbox: a local PostgreSQL 17");
		}
		assertThat(runs.get(1).get().stdout()).contains("sandbox");
		MigshProcess.Result later = run("status");
		assertThat(later.exitCode()).as(later.all()).isZero();
		assertThat(later.stdout()).containsPattern("001-create-notes\\s+applied");
		Path pid = this.dir.resolve(".migsh/sandbox/data/postmaster.pid");
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (Files.exists(pid) && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(pid).as("the last migsh to leave stops the sandbox server").doesNotExist();
	}

	private MigshProcess.Result run(String command) {
		try {
			return MigshProcess.run(this.dir, MigshProcess.env(), command);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
