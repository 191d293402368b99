package dev.migsh.core.connect;

import java.util.Map;

import dev.migsh.core.MigshException;

/**
 * A named target of the project file ({@code [targets.prod]}): where to connect and the
 * environment it is, each part with its origin ({@code migsh.toml:14}). Every part may be
 * null. The password is only ever one read from an environment variable the file names.
 *
 * @param url the parsed {@code url}, its password (if any) already read from the variable
 * @param origins the key ({@code url}, {@code host}, {@code env}...) to where it is
 * written
 * @param chosenBy how the target was chosen: {@code --target}, {@code MIGSH_TARGET},
 * {@code connect}, or the file's {@code target} key
 * @param explicit chosen by name for this run ({@code --target}, {@code MIGSH_TARGET},
 * {@code connect NAME}): it then ranks with {@code --url}; a default from the file ranks
 * below the environment variables
 * @param unusable why the target cannot be used (an {@code ${env:NAME}} it names is not
 * set), or null; other targets stay usable
 */
public record ProjectTarget(String name, PostgresUrl url, String host, Integer port, String database, String user,
		Secret password, String sslMode, String service, String environment, Map<String, String> origins,
		String chosenBy, boolean explicit, String unusable) {

	public ProjectTarget {
		origins = Map.copyOf(origins);
	}

	/**
	 * The same target, chosen this way.
	 * @throws MigshException when it names an environment variable that is not set
	 */
	public ProjectTarget chosen(String by, boolean byName) {
		if (this.unusable != null) {
			throw new MigshException(this.unusable + " (target " + this.name + ", chosen by " + by + ")",
					"set that variable, or choose another target");
		}
		return new ProjectTarget(this.name, this.url, this.host, this.port, this.database, this.user, this.password,
				this.sslMode, this.service, this.environment, this.origins, by, byName, null);
	}

	/**
	 * Where a key of this target is written, e.g. {@code migsh.toml:14 [targets.prod]}.
	 */
	public String origin(String key) {
		return this.origins.get(key) + " [targets." + this.name + "]";
	}

	@Override
	public String toString() {
		return "ProjectTarget[" + this.name + ", url=" + this.url + ", env=" + this.environment + ", chosen by "
				+ this.chosenBy + "]";
	}

}
