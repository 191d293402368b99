package dev.migsh.core.safety;

import java.util.List;

import dev.migsh.core.catalog.CatalogFinding;
import dev.migsh.core.plan.MigrationState;
import dev.migsh.core.plan.MigrationStatus;

/**
 * No pending migration is out of order (below the highest applied version), and no two
 * files share a version. Duplicate versions only warn: they run in name order, but the
 * order should be made explicit.
 */
final class VersionOrderCheck implements PreflightCheck {

	@Override
	public String name() {
		return "versions";
	}

	@Override
	public CheckResult run(PreflightContext context) {
		List<MigrationStatus> outOfOrder = context.status().inState(MigrationState.OUT_OF_ORDER);
		if (!outOfOrder.isEmpty()) {
			List<String> ids = outOfOrder.stream().map(MigrationStatus::id).toList();
			boolean planned = context.plan()
				.map(p -> p.steps().stream().anyMatch(s -> ids.contains(s.file().id())))
				.orElse(false);
			String line = "out of order: " + String.join(", ", ids) + " (" + outOfOrder.get(0).detail() + ")";
			if (!planned) {
				return CheckResult.fail(name(), line, "Apply it on its own with `apply " + ids.get(0)
						+ "` after checking it does not depend on later migrations, or give it a new version.");
			}
			return CheckResult.warn(name(), line + "; applied because it was asked for",
					"Check it does not depend on migrations applied after its version.");
		}
		List<CatalogFinding> duplicates = context.status()
			.findings()
			.stream()
			.filter(f -> f.kind() == CatalogFinding.Kind.DUPLICATE_VERSION)
			.toList();
		if (!duplicates.isEmpty()) {
			return CheckResult.warn(name(),
					duplicates.get(0).message()
							+ (duplicates.size() > 1 ? " (and " + (duplicates.size() - 1) + " more)" : ""),
					"They run in name order; give one of them a new version (`new NAME` picks the next one).");
		}
		return CheckResult.ok(name(), "no duplicate versions, nothing out of order");
	}

}
