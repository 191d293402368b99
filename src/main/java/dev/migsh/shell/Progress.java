package dev.migsh.shell;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A spinner with the elapsed time and the current step, redrawn on the status line of a
 * live terminal while something slow runs (a drift, a baseline proof, a long statement);
 * nothing at all when the output is piped. It starts showing after a short delay, so fast
 * commands never flicker.
 */
public final class Progress implements AutoCloseable {

	private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

	private static final Duration DELAY = Duration.ofMillis(700);

	private final Output out;

	private final ScheduledExecutorService ticker;

	private final long start = System.nanoTime();

	private final Supplier<String> step;

	private int frame;

	private Progress(Output out, Supplier<String> step) {
		this.out = out;
		this.step = step;
		this.ticker = out.live() ? Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "migsh-progress");
			t.setDaemon(true);
			return t;
		}) : null;
		if (this.ticker != null) {
			this.ticker.scheduleAtFixedRate(this::draw, DELAY.toMillis(), 120, TimeUnit.MILLISECONDS);
		}
	}

	/** Shows {@code step} (read again at each redraw) until closed. */
	public static Progress show(Output out, Supplier<String> step) {
		return new Progress(out, step);
	}

	public static Progress show(Output out, String step) {
		return show(out, () -> step);
	}

	private void draw() {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.start);
		char spinner = FRAMES.charAt(this.frame++ % FRAMES.length());
		this.out.status(spinner + " " + this.step.get() + "  " + Durations.format(elapsed) + "  (Ctrl-C cancels)");
	}

	@Override
	public void close() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			try {
				this.ticker.awaitTermination(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.out.clearStatus();
	}

}
