package dev.migsh.core.plan;

import java.util.List;

import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.catalog.MigrationFile;

/** The migrations read from the folder, in order, with the catalog's findings. */
public record MigrationSet(List<MigrationFile> migrations, List<CatalogFinding> findings) {

	public MigrationSet {
		migrations = migrations.stream().sorted().toList();
		findings = List.copyOf(findings);
	}

}
