package dev.migsh.shell.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.migsh.core.catalog.Checksums;
import dev.migsh.core.catalog.MigrationCatalog;
import dev.migsh.core.catalog.MigrationFile;
import dev.migsh.core.catalog.Section;
import dev.migsh.core.catalog.SectionKind;
import dev.migsh.core.lint.Finding;
import dev.migsh.core.lint.Rule;
import dev.migsh.core.lint.Severity;
import dev.migsh.core.lint.rules.RuleCatalogue;
import dev.migsh.core.plan.SafetyReport;

/**
 * The safety report as a SARIF 2.1.0 log, the way code-scanning tools (GitHub's among
 * them) read it: one run whose driver lists every rule, and one result per finding with
 * its file (relative to {@code %SRCROOT%}, the working directory), line and column, and a
 * fingerprint that stays the same while the statement does, wherever it moves in the
 * file. Built as plain maps and lists for {@link dev.migsh.shell.Json}.
 */
public final class SarifLog {

	public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	public static final String VERSION = "2.1.0";

	/** Where people read about migsh and its rules (the driver's informationUri). */
	public static final String INFORMATION_URI = "https://github.com/migsh/migsh#safety";

	/** The key of migsh's own fingerprint in partialFingerprints. */
	public static final String FINGERPRINT = "migshStatementHash/v1";

	private static final String SRCROOT = "%SRCROOT%";

	private final Path root;

	private final Map<String, Integer> ruleIndex = new LinkedHashMap<>();

	private final List<Map<String, Object>> rules = new ArrayList<>();

	private final Map<String, Integer> seen = new HashMap<>();

	private SarifLog(Path root) {
		this.root = root.toAbsolutePath().normalize();
		for (Rule rule : RuleCatalogue.all()) {
			this.ruleIndex.put(rule.id(), this.rules.size());
			this.rules.add(rule(rule));
		}
	}

	/**
	 * The log for {@code report}: every finding of every migration's up and down
	 * sections; paths relative to {@code root}.
	 */
	public static Map<String, Object> of(SafetyReport report, MigrationCatalog catalog, Path root, String version) {
		return new SarifLog(root).log(report, catalog, version);
	}

	/** SARIF's level for a severity: error, warning or note. */
	public static String level(Severity severity) {
		return switch (severity) {
			case ERROR -> "error";
			case WARNING -> "warning";
			case INFO -> "note";
		};
	}

	private Map<String, Object> log(SafetyReport report, MigrationCatalog catalog, String version) {
		List<Map<String, Object>> results = new ArrayList<>();
		for (SafetyReport.MigrationRisk risk : report.migrations()) {
			Optional<MigrationFile> file = catalog.find(risk.id());
			for (Finding finding : risk.findings()) {
				results.add(result(finding, file));
			}
		}
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "migsh");
		driver.put("version", version);
		driver.put("semanticVersion", version.replaceFirst("-.*$", ""));
		driver.put("informationUri", INFORMATION_URI);
		driver.put("rules", this.rules);
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", map("driver", driver));
		run.put("originalUriBaseIds", map(SRCROOT, map("uri", this.root.toUri().toString())));
		run.put("columnKind", "unicodeCodePoints");
		run.put("results", results);
		run.put("properties", map("overall", report.overall(), "serverVersionNum", report.serverVersionNum(),
				"migrations", report.migrations().size()));
		Map<String, Object> log = new LinkedHashMap<>();
		log.put("$schema", SCHEMA);
		log.put("version", VERSION);
		log.put("runs", List.of(run));
		return log;
	}

	private static Map<String, Object> rule(Rule rule) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("id", rule.id());
		r.put("name", pascal(rule.title()));
		r.put("shortDescription", map("text", rule.title()));
		r.put("fullDescription", map("text", rule.why()));
		r.put("help", map("text", rule.why() + " Safe alternative: " + rule.safeAlternative(), "markdown",
				rule.why() + "\n\n**Safe alternative:** " + rule.safeAlternative()));
		r.put("defaultConfiguration", map("level", level(rule.severity())));
		r.put("properties", map("tags", List.of("migration", rule.family().name().toLowerCase(Locale.ROOT))));
		return r;
	}

	private Map<String, Object> result(Finding finding, Optional<MigrationFile> file) {
		int index = this.ruleIndex.computeIfAbsent(finding.ruleId(), id -> {
			// a finding of no catalogued rule still gets one entry to point at
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("id", id);
			r.put("shortDescription", map("text", id));
			r.put("defaultConfiguration", map("level", level(finding.severity())));
			this.rules.add(r);
			return this.rules.size() - 1;
		});
		Optional<Path> path = file.flatMap(f -> section(f, finding.section())).map(Section::file);
		Map<String, Object> artifact = new LinkedHashMap<>();
		String uri = path.map(this::uri).orElse(file.map(MigrationFile::id).orElse("unknown"));
		artifact.put("uri", uri);
		if (path.isPresent() && path.get().toAbsolutePath().normalize().startsWith(this.root)) {
			artifact.put("uriBaseId", SRCROOT);
		}
		Map<String, Object> region = new LinkedHashMap<>();
		region.put("startLine", Math.max(1, finding.statement().line()));
		region.put("startColumn", Math.max(1, finding.statement().column()));
		Map<String, Object> physical = new LinkedHashMap<>();
		physical.put("artifactLocation", artifact);
		physical.put("region", region);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("ruleId", finding.ruleId());
		result.put("ruleIndex", index);
		result.put("level", level(finding.severity()));
		result.put("message", map("text", finding.message()
				+ (finding.safeAlternative().isBlank() ? "" : " Safe alternative: " + finding.safeAlternative())));
		result.put("locations", List.of(map("physicalLocation", physical)));
		result.put("partialFingerprints", map(FINGERPRINT, fingerprint(finding, uri)));
		if (finding.suppressed()) {
			result.put("suppressions", List.of(map("kind", "inSource", "justification",
					finding.suppressionReason() == null ? "" : finding.suppressionReason())));
		}
		result.put("properties", map("migration", file.map(MigrationFile::id).orElse(""), "section",
				finding.section().name().toLowerCase(Locale.ROOT)));
		return result;
	}

	/**
	 * The rule, the file and the statement as written (whole-line comments dropped,
	 * blanks folded), with a count for the same statement found twice: line numbers are
	 * left out, so an edit above the statement keeps the fingerprint.
	 */
	private String fingerprint(Finding finding, String uri) {
		String statement = finding.statement()
			.origin()
			.written()
			.lines()
			.filter(line -> !line.strip().startsWith("--"))
			.collect(java.util.stream.Collectors.joining(" "))
			.replaceAll("\\s+", " ")
			.strip();
		String key = finding.ruleId() + "\n" + uri + "\n" + finding.section() + "\n" + statement;
		int occurrence = this.seen.merge(key, 1, Integer::sum);
		return Checksums.sha256(key + "\n" + occurrence).substring(0, 32);
	}

	private static Optional<Section> section(MigrationFile file, SectionKind kind) {
		return switch (kind) {
			case UP -> Optional.of(file.up());
			case DOWN -> file.down();
			case VERIFY -> file.verify();
		};
	}

	private String uri(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		if (!absolute.startsWith(this.root)) {
			return absolute.toUri().toString();
		}
		StringBuilder uri = new StringBuilder();
		for (Path part : this.root.relativize(absolute)) {
			if (!uri.isEmpty()) {
				uri.append('/');
			}
			uri.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
				.replace("+", "%20"));
		}
		return uri.toString();
	}

	/** An object with its keys in the order given: the log reads the same every run. */
	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static String pascal(String title) {
		StringBuilder name = new StringBuilder();
		for (String word : title.split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return name.toString();
	}

}
