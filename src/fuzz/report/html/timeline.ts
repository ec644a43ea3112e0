/**
 * A race as a picture: one row per racer on a shared time axis — held at the gate until its final
 * byte went out (the release), waiting for the answer, receiving it — coloured by what the answer
 * was, with the release window marked. Inline SVG, no script, so a report opens anywhere.
 */
import type { RaceSketch, RacerOutcome, RacerSketch } from '../../race-sketch.js';
import { html } from './escape.js';

/** What each outcome class is called in the legend. */
export const OUTCOME_LABELS: Readonly<Record<RacerOutcome, string>> = {
  winner: 'winner (documented 2xx)',
  loser: 'documented refusal',
  undocumented: 'undocumented status',
  'server-error': '5xx',
  unknown: 'no answer',
};

const ROW_HEIGHT = 18;
const LABEL_WIDTH = 150;
const PLOT_WIDTH = 560;
const AXIS_HEIGHT = 22;

/** The part of the run a timeline shows: from just before the first release to the last answer. */
function window(racers: readonly RacerSketch[]): { start: number; end: number } {
  const starts = racers.map((r) => r.released ?? r.call);
  const firstRelease = Math.min(...starts);
  const end = Math.max(...racers.map((r) => r.done), firstRelease + 0.001);
  // A little of the time held at the gate, so the release reads as a moment, not an edge.
  const lead = (end - firstRelease) * 0.08;
  return { start: firstRelease - lead, end };
}

function ms(value: number): string {
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function racerRow(r: RacerSketch, y: number, x: (t: number) => number, origin: number, start: number): string {
  const released = r.released ?? r.call;
  const answered = r.firstByte ?? r.done;
  const status = r.status === undefined ? (r.error ?? 'no answer') : String(r.status);
  const title = `racer ${r.racer} ${r.method}: ${status}; released at ${ms(released - origin)} ms, first byte ${r.firstByte === undefined ? 'not recorded' : `${ms(r.firstByte - origin)} ms`}, done ${ms(r.done - origin)} ms`;
  const bar = (cls: string, from: number, to: number): string =>
    `<rect class="${cls}" x="${x(from).toFixed(1)}" y="${y + 3}" width="${Math.max(1, x(to) - x(from)).toFixed(1)}" height="${ROW_HEIGHT - 6}"/>`;
  return [
    `<g class="racer" data-racer="${r.racer}" data-outcome="${r.outcome}" data-status="${html(status)}"><title>${html(title)}</title>`,
    `<text class="label" x="4" y="${y + ROW_HEIGHT - 5}">racer ${r.racer} ${html(r.method)} → ${html(status)}</text>`,
    // Held at the gate: from the call (or the window's start) to the release.
    released > r.call ? bar('held', Math.max(r.call, start), released) : '',
    bar('waiting', released, Math.max(released, answered)),
    bar('receiving', Math.max(released, answered), r.done),
    `<line class="released" x1="${x(released).toFixed(1)}" x2="${x(released).toFixed(1)}" y1="${y + 1}" y2="${y + ROW_HEIGHT - 1}"/>`,
    '</g>',
  ].join('');
}

/** The SVG timeline of one race; `caption` says what race it is. */
export function timelineSvg(sketch: RaceSketch, caption: string): string {
  if (sketch.racers.length === 0) return `<p class="empty">${html(caption)}: no racer</p>`;
  const { start, end } = window(sketch.racers);
  const scale = PLOT_WIDTH / (end - start);
  const x = (t: number): number => LABEL_WIDTH + (Math.max(t, start) - start) * scale;
  const releases = sketch.racers.flatMap((r) => (r.released === undefined ? [] : [r.released]));
  const origin = releases.length > 0 ? Math.min(...releases) : Math.min(...sketch.racers.map((r) => r.call));
  const height = sketch.racers.length * ROW_HEIGHT + AXIS_HEIGHT;
  const rows = sketch.racers.map((r, i) => racerRow(r, i * ROW_HEIGHT, x, origin, start)).join('');
  const band =
    releases.length >= 2
      ? `<rect class="release-window" x="${x(Math.min(...releases)).toFixed(1)}" y="0" width="${Math.max(1, x(Math.max(...releases)) - x(Math.min(...releases))).toFixed(1)}" height="${height - AXIS_HEIGHT}"><title>release window ${ms(Math.max(...releases) - Math.min(...releases))} ms</title></rect>`
      : '';
  const axisY = height - AXIS_HEIGHT + 14;
  const ticks = [0, 0.5, 1]
    .map((f) => {
      const t = start + (end - start) * f;
      return `<text class="tick" x="${x(t).toFixed(1)}" y="${axisY}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${ms(t - origin)} ms</text>`;
    })
    .join('');
  const sync = sketch.synchronized ? 'synchronized' : `not synchronized${sketch.unsynchronizedReason === undefined ? '' : `: ${sketch.unsynchronizedReason}`}`;
  return [
    `<figure class="race" data-race="${sketch.index}" data-synchronized="${sketch.synchronized}">`,
    `<figcaption>${html(caption)} — ${sketch.racers.length} racer(s), release spread ${ms(sketch.releaseSpreadMs)} ms, ${html(sync)}${sketch.afterStatus === undefined ? '' : `; read after: ${sketch.afterStatus}`}</figcaption>`,
    `<svg class="timeline" role="img" aria-label="${html(`timeline of ${caption}`)}" width="${LABEL_WIDTH + PLOT_WIDTH + 8}" height="${height}" viewBox="0 0 ${LABEL_WIDTH + PLOT_WIDTH + 8} ${height}">`,
    band,
    rows,
    `<line class="axis" x1="${LABEL_WIDTH}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y1="${height - AXIS_HEIGHT + 2}" y2="${height - AXIS_HEIGHT + 2}"/>`,
    ticks,
    '</svg>',
    '</figure>',
  ].join('');
}

/** The legend of the outcome colours and bar segments. */
export function timelineLegend(): string {
  const outcomes = (Object.keys(OUTCOME_LABELS) as RacerOutcome[])
    .map((o) => `<span class="chip" data-outcome="${o}"><i></i>${html(OUTCOME_LABELS[o])}</span>`)
    .join(' ');
  return `<p class="legend">${outcomes} · <span class="seg held"></span> held at the gate · <span class="seg waiting"></span> released, waiting for the answer · <span class="seg receiving"></span> receiving · shaded band: the release window</p>`;
}
