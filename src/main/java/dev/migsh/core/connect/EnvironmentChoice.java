package dev.migsh.core.connect;

/**
 * The environment a session runs as and why: named explicitly ({@code --env},
 * {@code MIGSH_ENV}) or inferred from the sandbox or the host.
 *
 * @param origin where the environment came from: {@code --env}, {@code MIGSH_ENV},
 * {@code .env (MIGSH_ENV)}, {@code sandbox} or {@code host db.example.com}
 */
public record EnvironmentChoice(Environment environment, boolean inferred, String origin) {

	/** For {@code info}: {@code production (inferred from host db.example.com)}. */
	public String describe() {
		return this.environment + (this.inferred ? " (inferred from " : " (from ") + this.origin + ")";
	}

}
