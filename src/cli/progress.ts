// A one-line progress bar for long runs, drawn on stderr only when it is a terminal, so
// logs and CI output stay clean.

export interface ProgressBar {
  update(label: string, done: number, total: number): void;
  done(): void;
}

const WIDTH = 28;
const REDRAW_MS = 100;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  const started = performance.now();
  let last = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const now = performance.now();
      if (now - last < REDRAW_MS && done < total) return;
      last = now;
      const share = total > 0 ? done / total : 1;
      const filled = Math.round(share * WIDTH);
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? done / seconds / 1e6 : 0;
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${rate.toFixed(1)} MB/s  ${label}`
          .slice(0, (stream.columns || 80) - 1)
          .padEnd((stream.columns || 80) - 1),
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write(`\r${' '.repeat((stream.columns || 80) - 1)}\r`);
    },
  };
}
