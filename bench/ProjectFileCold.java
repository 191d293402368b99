import java.nio.file.*;
import java.util.Map;
import dev.migsh.core.project.*;
/** java ProjectFileCold file|none: the first ProjectSettings.resolve in a fresh JVM, in ms. */
public class ProjectFileCold {
	public static void main(String[] a) throws Exception {
		Path dir = Files.createTempDirectory("cold");
		if (a[0].equals("file")) {
			Files.writeString(dir.resolve("migsh.toml"), "migrations = \"db/migrations\"\nhistory_schema = \"ops\"\nlock_wait = \"60s\"\nsearch_path = [\"auth\", \"public\"]\ntarget = \"dev\"\n[placeholders]\nschema = \"app\"\n[targets.dev]\nurl = \"postgresql://dev@localhost/lms\"\nenv = \"development\"\n");
		}
		long t0 = System.nanoTime();
		ProjectSettings.resolve(ProjectFlags.NONE, Map.of(), dir);
		System.out.printf("%.1f%n", (System.nanoTime() - t0) / 1e6);
	}
}
