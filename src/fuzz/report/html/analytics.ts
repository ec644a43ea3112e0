/**
 * Per-operation conflict analytics: what each operation answered under races — how often a win,
 * 409, 412, 428, another 4xx, a 5xx, no answer, and how many of those answers the description
 * does not document — the view a gateway dashboard gives of 409s, from the run's race sketches.
 */
import type { RaceSketch } from '../../race-sketch.js';
import { html } from './escape.js';

/** The columns of the status mix, in order. */
export const STATUS_BUCKETS = ['2xx', '409', '412', '428', 'other 4xx', '5xx', 'no answer'] as const;
export type StatusBucket = (typeof STATUS_BUCKETS)[number];

/** One operation's answers under races. */
export interface OperationMix {
  readonly operation: string;
  readonly races: number;
  readonly answers: number;
  readonly buckets: Readonly<Record<StatusBucket, number>>;
  /** Answers whose status the description does not document (5xx included when undocumented). */
  readonly undocumented: number;
}

function bucketOf(status: number | undefined): StatusBucket {
  if (status === undefined) return 'no answer';
  if (status >= 200 && status < 300) return '2xx';
  if (status === 409 || status === 412 || status === 428) return String(status) as StatusBucket;
  if (status >= 500) return '5xx';
  return 'other 4xx';
}

/** The status mix of every operation that was raced, in the order first seen. */
export function operationMixes(scenarios: readonly { readonly operation: string; readonly sketches: readonly RaceSketch[] }[]): OperationMix[] {
  const byOperation = new Map<string, { races: number; answers: number; buckets: Record<StatusBucket, number>; undocumented: number }>();
  for (const { operation, sketches } of scenarios) {
    if (sketches.length === 0) continue;
    const mix = byOperation.get(operation) ?? { races: 0, answers: 0, buckets: Object.fromEntries(STATUS_BUCKETS.map((b) => [b, 0])) as Record<StatusBucket, number>, undocumented: 0 };
    for (const sketch of sketches) {
      mix.races += 1;
      for (const racer of sketch.racers) {
        mix.answers += 1;
        mix.buckets[bucketOf(racer.status)] += 1;
        if (racer.outcome === 'undocumented') mix.undocumented += 1;
      }
    }
    byOperation.set(operation, mix);
  }
  return [...byOperation].map(([operation, mix]) => ({ operation, ...mix }));
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0' : ((100 * part) / whole).toFixed(part * 100 < whole ? 1 : 0);
}

/** The analytics table, each row with a stacked bar of its status mix. */
export function analyticsTable(mixes: readonly OperationMix[]): string {
  if (mixes.length === 0) return '<p class="empty">No race was fired, so there is no status mix to show.</p>';
  const head = `<tr><th>operation</th><th>races</th><th>answers</th>${STATUS_BUCKETS.map((b) => `<th>${html(b)}</th>`).join('')}<th>undocumented</th><th>mix</th></tr>`;
  const rows = mixes.map((m) => {
    const cells = STATUS_BUCKETS.map((b) => `<td data-bucket="${html(b)}">${m.buckets[b]}<small> ${percent(m.buckets[b], m.answers)} %</small></td>`).join('');
    const bar = STATUS_BUCKETS.filter((b) => m.buckets[b] > 0)
      .map((b) => `<span class="mix-part" data-bucket="${html(b)}" style="width:${percent(m.buckets[b], m.answers)}%" title="${html(`${b}: ${m.buckets[b]}`)}"></span>`)
      .join('');
    return `<tr data-operation="${html(m.operation)}"><td><code>${html(m.operation)}</code></td><td>${m.races}</td><td>${m.answers}</td>${cells}<td class="${m.undocumented > 0 ? 'bad' : ''}">${m.undocumented}</td><td><span class="mix">${bar}</span></td></tr>`;
  });
  return `<table class="analytics">${head}${rows.join('')}</table>`;
}
