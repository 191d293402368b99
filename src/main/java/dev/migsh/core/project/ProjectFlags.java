package dev.migsh.core.project;

import java.util.Map;

/**
 * The settings given on the command line, each null when not given: {@code --config},
 * {@code --target}, {@code --migrations}, {@code --schema}, {@code --lock-wait},
 * {@code --lock-timeout}, {@code --statement-timeout}, {@code --search-path},
 * {@code --placeholder-prefix}, {@code --placeholder-suffix}, and the
 * {@code --placeholder NAME=VALUE} values.
 */
public record ProjectFlags(String config, String target, String migrations, String schema, String lockWait,
		String lockTimeout, String statementTimeout, String searchPath, String placeholderPrefix,
		String placeholderSuffix, Map<String, String> placeholders) {

	public static final ProjectFlags NONE = new ProjectFlags(null, null, null, null, null, null, null, null, null, null,
			Map.of());

	public ProjectFlags {
		placeholders = Map.copyOf(placeholders);
	}

}
