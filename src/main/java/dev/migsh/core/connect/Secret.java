package dev.migsh.core.connect;

/** Placeholder until the connect branch lands. */
public final class Secret {

	private final String value;

	public Secret(String value) {
		this.value = value;
	}

	public String reveal() {
		return this.value;
	}

	@Override
	public String toString() {
		return "****";
	}

}
