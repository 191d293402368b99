package dev.migsh.core.safety;

import java.util.List;

/** The results of every pre-flight check, in the order they ran. */
public record PreflightReport(List<CheckResult> results) {

	public PreflightReport {
		results = List.copyOf(results);
	}

	/** True when any check failed: {@code apply} must not start. */
	public boolean refused() {
		return this.results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAIL);
	}

	public List<CheckResult> failures() {
		return this.results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).toList();
	}

	public List<CheckResult> warnings() {
		return this.results.stream().filter(r -> r.status() == CheckResult.Status.WARN).toList();
	}

}
