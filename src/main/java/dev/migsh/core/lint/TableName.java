package dev.migsh.core.lint;

/**
 * A table (or other relation) named in a statement, as PostgreSQL folds it. Two names are
 * taken to be the same table when their bare names match and their schemas do not differ.
 */
public record TableName(String schema, String name) {

	public static TableName of(String name) {
		return new TableName(null, name);
	}

	public boolean sameAs(TableName other) {
		if (!this.name.equals(other.name)) {
			return false;
		}
		return this.schema == null || other.schema == null || this.schema.equals(other.schema);
	}

	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.name : this.name;
	}

}
