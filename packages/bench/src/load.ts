import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** Answers other than 2xx by status, e.g. { "412": 3 }, to say what the errors were. */
  statuses: Record<string, number>;
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({
    ...options,
    renderProgressBar: false,
    renderResultsTable: false,
  } as autocannon.Options);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
    statuses: Object.fromEntries(
      Object.entries(
        (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {},
      )
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, { count }]) => [code, count]),
    ),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of several runs of the same load: throughput and latency, each taken on its own. */
export function medianResult(results: LoadResult[]): Pick<LoadResult, 'requestsPerSecond' | 'p50' | 'p99'> {
  const of = (pick: (r: LoadResult) => number) => median(results.map(pick));
  return { requestsPerSecond: of((r) => r.requestsPerSecond), p50: of((r) => r.p50), p99: of((r) => r.p99) };
}

export interface Contender {
  name: string;
  options: autocannon.Options;
}

/**
 * Takes turns: each round loads every contender once, so the machine's drift (other work on the shared
 * cores) falls on all alike. Ratios are per round against the first contender, then the median.
 */
export async function alternate(
  contenders: Contender[],
  rounds: number,
  seconds: number,
): Promise<Map<string, { result: ReturnType<typeof medianResult>; ratio: number; runs: LoadResult[] }>> {
  const runs = new Map(contenders.map((c) => [c.name, [] as LoadResult[]]));
  for (let round = 0; round < rounds; round += 1) {
    for (const c of contenders) runs.get(c.name)?.push(await load({ ...c.options, duration: seconds }));
  }
  const base = runs.get(contenders[0]?.name ?? '') ?? [];
  return new Map(
    [...runs].map(([name, results]) => {
      if (results.some((r) => r.non2xx || r.errors))
        throw new Error(`${name} answered non-2xx or failed under load: ${JSON.stringify(results)}`);
      const ratio = median(results.map((r, i) => r.requestsPerSecond / (base[i]?.requestsPerSecond ?? 1)));
      return [name, { result: medianResult(results), ratio, runs: results }];
    }),
  );
}
