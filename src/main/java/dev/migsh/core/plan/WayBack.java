package dev.migsh.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to take back a whole apply run, as one command that runs as printed right after it:
 * {@code undo ID} for one migration, {@code undo --to ID} back to the migration that was
 * the latest before the run, {@code undo --all} when nothing was applied before it.
 * Absent, with the reason, when a migration of the run has no down section.
 */
public record WayBack(Optional<String> command, String note, RollbackInstructions last) {

	public static WayBack of(List<RollbackInstructions> all, List<String> allIds, Optional<String> latestBefore) {
		// repeatables are never undone: the way back takes back the versioned ones
		List<RollbackInstructions> rollbacks = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < allIds.size(); i++) {
			if (!all.get(i).repeatable()) {
				rollbacks.add(all.get(i));
				ids.add(allIds.get(i));
			}
		}
		if (ids.isEmpty() && !allIds.isEmpty()) {
			return new WayBack(Optional.empty(), "only repeatable migrations ran: they are never undone",
					all.get(all.size() - 1));
		}
		if (ids.isEmpty()) {
			return new WayBack(Optional.empty(), "nothing was applied", RollbackInstructions.none());
		}
		RollbackInstructions last = rollbacks.get(rollbacks.size() - 1);
		List<String> withoutDown = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (!rollbacks.get(i).possible()) {
				withoutDown.add(ids.get(i));
			}
		}
		if (!withoutDown.isEmpty()) {
			return new WayBack(Optional.empty(),
					"undo cannot take this run back: " + String.join(", ", withoutDown)
							+ (withoutDown.size() == 1 ? " has" : " have")
							+ " no down section: rolling back needs a restore or a new migration",
					last);
		}
		if (ids.size() == 1) {
			return new WayBack(last.undoCommand(), "", last);
		}
		String command = latestBefore.map(id -> "undo --to " + id).orElse("undo --all");
		return new WayBack(Optional.of(command), "undoes the " + ids.size() + " migrations of this run, latest first",
				last);
	}

}
