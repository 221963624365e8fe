import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** The tables of one bench run: printed as they are measured, written to results.md at the end. */
export class Report {
  readonly sections: { title: string; rows: string[][] }[] = [];

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
      ...this.sections.flatMap((s) => ['', `## ${s.title}`, '', ...table(s.rows)]),
      '',
    ];
    return lines.join('\n');
  }

  write(file: string) {
    writeFileSync(file, this.markdown());
    console.log(`\nWrote ${file}`);
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
