import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** The tables of one bench run: printed as they are measured, written to results.md at the end. */
export class Report {
  readonly sections: { title: string; rows: string[][] }[] = [];
  /** The machine's 1-minute load average when the run began (other work on the shared cores). */
  private readonly loadAtStart = loadavg()[0] ?? 0;

  section(title: string) {
    this.sections.push({ title, rows: [] });
    console.log(`\n${title}\n`);
  }

  row(...cells: (string | number)[]) {
    this.sections.at(-1)?.rows.push(cells.map(String));
    console.log(cells.join(' | '));
  }

  /** Markdown that `biome check` leaves as it is: every column padded to its widest cell. */
  markdown(): string {
    const lines = [
      '# smsdesk benchmark results',
      '',
      `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, Node ${process.version}, ${cpus().length} cores).`,
      'Ratios compare figures taken in the same run on the same machine; the load generator shares its cores.',
      `Load average (1 min) at the start ${fmt(this.loadAtStart, 1)}, at the end ${fmt(loadavg()[0] ?? 0, 1)}.`,
      ...this.sections.flatMap((s, i) => ['', `## ${i + 1}. ${s.title}`, '', ...table(s.rows)]),
      '',
    ];
    return lines.join('\n');
  }

  write(file: string) {
    writeFileSync(file, this.markdown());
    console.log(`\nWrote ${file}`);
  }

  /** The README's bench section (between its bench:start and bench:end markers) becomes this run's. */
  writeIntoReadme(file: string) {
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const readme = readFileSync(file, 'utf8');
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    if (from === -1 || to < from) throw new Error(`${file} has no ${start} … ${end} block`);
    const body = this.markdown()
      .split('\n')
      .slice(2) // the results file's own title
      .map((line) => line.replace(/^## /, '#### '))
      .join('\n')
      .trim();
    writeFileSync(file, `${readme.slice(0, from + start.length)}\n${body}\n${readme.slice(to)}`);
    console.log(`Wrote the bench section of ${file}`);
  }
}

function table(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => [...r, ...Array(width - r.length).fill('')].map(escapeCell));
  const widths = Array.from({ length: width }, (_, i) =>
    Math.max(3, ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (r: string[]) =>
    `| ${r.map((c, i) => c + ' '.repeat((widths[i] ?? 3) - displayWidth(c))).join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)];
}

const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');

/** Biome pads by characters as JavaScript counts them (UTF-16 units); the bench writes no astral ones. */
const displayWidth = (cell: string) => cell.length;

export const fmt = (n: number, digits = 2) => n.toFixed(digits);
export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
