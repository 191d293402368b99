package dev.migsh.core.rehearse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds the worst lock of a rehearsal: the strongest mode, then the longest hold. A lock
 * taken by statement k of a transactional migration is held through statement n.
 */
final class WorstLocks {

	private WorstLocks() {
	}

	static Optional<WorstLock> of(List<MigrationRehearsal> migrations) {
		WorstLock worst = null;
		for (MigrationRehearsal migration : migrations) {
			List<ObservedStatement> statements = migration.statements();
			for (int k = 0; k < statements.size(); k++) {
				ObservedStatement statement = statements.get(k);
				Duration onCopy = Duration.ZERO;
				Duration live = Duration.ZERO;
				boolean liveKnown = true;
				for (ObservedStatement later : statements.subList(k, statements.size())) {
					onCopy = onCopy.plus(later.onCopy());
					liveKnown &= later.estimate().duration().isPresent();
					live = live.plus(later.estimate().duration().orElse(Duration.ZERO));
				}
				for (ObservedLock lock : statement.locks()) {
					if (lock.index()) {
						continue;
					}
					WorstLock candidate = new WorstLock(migration.id(), statement.index(), lock.relation(), lock.mode(),
							onCopy, liveKnown ? Optional.of(live) : Optional.empty());
					if (worst == null || worse(candidate, worst)) {
						worst = candidate;
					}
				}
			}
		}
		return Optional.ofNullable(worst);
	}

	private static boolean worse(WorstLock a, WorstLock b) {
		int mode = a.mode().compareTo(b.mode());
		if (mode != 0) {
			return mode > 0;
		}
		return a.heldLive().orElse(a.heldOnCopy()).compareTo(b.heldLive().orElse(b.heldOnCopy())) > 0;
	}

}
