package io.switchboard.demo;

import java.util.Locale;

/** Renders a {@link Progress} as one terminal line: a bar of the finished rows, the counts, the rate and the ETA. */
public final class ProgressBar {

    private final int width;

    public ProgressBar(int width) {
        this.width = width;
    }

    public String render(Progress p) {
        long total = Math.max(p.total(), 0);
        double share = total == 0 ? 0 : Math.min(1.0, p.finished() / (double) total);
        int filled = (int) Math.floor(share * width);
        StringBuilder line = new StringBuilder("[");
        line.append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
        line.append(String.format(Locale.ROOT, "%3d%% %d/%d", Math.round(share * 100), p.finished(), total));
        if (p.dialed() != null) {
            line.append(" | dialed ").append(p.dialed());
        }
        line.append(" | in progress ").append(p.processing());
        line.append(" | completed ").append(p.completed());
        line.append(" | retry pending ").append(p.retryPending() == null ? "?" : p.retryPending());
        if (p.skipped() != null) {
            line.append(" | skipped ").append(p.skipped());
        }
        line.append(String.format(Locale.ROOT, " | %.1f/min", p.dialsPerMinute()));
        line.append(" | ETA ").append(eta(p));
        return line.toString();
    }

    static String eta(Progress p) {
        if (p.ended()) {
            return "done";
        }
        if (p.etaSeconds() == null) {
            return "--";
        }
        long s = p.etaSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
