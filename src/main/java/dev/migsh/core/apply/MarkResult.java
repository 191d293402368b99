package dev.migsh.core.apply;

import java.util.List;

import dev.migsh.core.plan.DbObject;

/**
 * The result of {@code mark-applied}: which objects the up section creates already exist
 * and which do not (the shell warns about the missing ones); {@code recorded} is false
 * for a check that wrote nothing.
 */
public record MarkResult(String id, List<DbObject> existing, List<DbObject> missing, boolean recorded) {

	public MarkResult {
		existing = List.copyOf(existing);
		missing = List.copyOf(missing);
	}

}
