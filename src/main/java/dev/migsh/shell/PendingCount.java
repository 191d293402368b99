package dev.migsh.shell;

/** How many migrations are pending, for the prompt; -1 when unknown. */
@FunctionalInterface
public interface PendingCount {

	int count(ShellSession session);

}
