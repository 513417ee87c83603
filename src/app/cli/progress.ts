import cliProgress from "cli-progress";

/**
 * The command line's progress display for long steps (copy-to, search-index): a bar on a terminal
 * (cli-progress), one line per tenth on stderr otherwise (a log file or a pipe gets no escape codes).
 */
export interface Progress {
  start(step: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let step = "";
  let total = 0;
  let lastTenth = -1;
  return {
    start(name, count) {
      this.stop();
      step = name;
      total = count;
      // The start line stands for the first tenth: the next line is printed at 10%.
      lastTenth = 0;
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar(
          {
            format: `${name.padEnd(14)} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
            stream,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(count, 0);
      } else stream.write(`${name}: 0/${count}\n`);
    },
    update(done) {
      if (bar) bar.update(done);
      else {
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (tenth > lastTenth) {
          lastTenth = tenth;
          stream.write(`${step}: ${done}/${total}\n`);
        }
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
