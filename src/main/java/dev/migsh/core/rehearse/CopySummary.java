package dev.migsh.core.rehearse;

import java.util.List;

/**
 * How the copy was made.
 *
 * @param scratch where it lives, e.g. {@code database migsh_scratch_1a2b on the same
 * server}
 * @param rowsPerTable the sample size asked for
 * @param tables each live table with the rows the copy got
 * @param skipped tables whose rows were not copied, each with the reason
 * @param notes anything else worth knowing (rows left out for lack of their parent,
 * objects the copy could not recreate)
 */
public record CopySummary(String scratch, int rowsPerTable, List<SampledTable> tables, List<String> skipped,
		List<String> notes) {

	/**
	 * One table of the copy.
	 *
	 * @param table schema-qualified name
	 * @param copied rows copied
	 * @param liveRows the live row estimate (-1 when never analyzed)
	 * @param excludedColumns columns whose values were not copied
	 */
	public record SampledTable(String table, long copied, long liveRows, List<String> excludedColumns) {

		public SampledTable {
			excludedColumns = List.copyOf(excludedColumns);
		}

	}

	public CopySummary {
		tables = List.copyOf(tables);
		skipped = List.copyOf(skipped);
		notes = List.copyOf(notes);
	}

}
