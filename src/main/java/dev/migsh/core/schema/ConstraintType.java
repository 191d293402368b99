package dev.migsh.core.schema;

/**
 * The table constraint kinds, with pg_constraint.contype's letter.
 */
public enum ConstraintType {

	PRIMARY_KEY('p'), UNIQUE('u'), CHECK('c'), FOREIGN_KEY('f'), EXCLUSION('x');

	private final char code;

	ConstraintType(char code) {
		this.code = code;
	}

	static ConstraintType of(String contype) {
		if (contype == null || contype.length() != 1) {
			return null;
		}
		for (ConstraintType type : values()) {
			if (type.code == contype.charAt(0)) {
				return type;
			}
		}
		return null;
	}

	public char code() {
		return this.code;
	}

}
