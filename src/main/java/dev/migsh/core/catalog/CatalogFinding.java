package dev.migsh.core.catalog;

import java.util.List;

/**
 * Something wrong with the migrations folder that is not a parse error: two files sharing
 * one version, an ignored file. {@code ids} names the migrations or files concerned.
 */
public record CatalogFinding(Kind kind, String message, List<String> ids) {

	public enum Kind {

		DUPLICATE_VERSION, IGNORED_FILE, UNPAIRED_DOWN

	}

	public CatalogFinding {
		ids = List.copyOf(ids);
	}

}
