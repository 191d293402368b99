package dev.migsh.core.safety;

import java.util.OptionalLong;

import dev.migsh.core.plan.DbObject;

/**
 * How much data one down statement would destroy, measured on the live database: the rows
 * of a dropped or truncated table, the non-null values of a dropped column, the rows in a
 * dropped schema. Counted exactly on small tables, estimated from the planner's
 * statistics ({@code pg_class.reltuples}, {@code pg_stats.null_frac}) on big ones.
 *
 * @param amount rows or values; empty when neither counted nor estimable (never analyzed)
 * @param exact true for a count, false for an estimate
 * @param exists false when the object is already gone, so nothing would be lost
 * @param kept true when undo would copy the data into migsh_trash before dropping it
 * @param note how the amount was found, {@code counted}, {@code estimate from pg_stats}
 */
public record DataLossEstimate(DbObject object, OptionalLong amount, boolean exact, boolean exists, boolean kept,
		String note) {

	/** {@code column users.bio: 3 non-null values (counted); kept in migsh_trash}. */
	public String describe() {
		String what = this.object.describe();
		if (!this.exists) {
			return what + ": does not exist, nothing to lose";
		}
		String unit = switch (this.object.kind()) {
			case COLUMN -> "non-null values";
			default -> "rows";
		};
		String amountText = this.amount.isPresent()
				? (this.exact ? "" : "~") + String.format("%,d", this.amount.getAsLong()) + " " + unit
				: "unknown number of " + unit;
		return what + ": " + amountText + " (" + this.note + ")" + (this.kept ? "; kept in migsh_trash" : "");
	}

}
