/** ANSI colour for the text report, or none (not a terminal, `NO_COLOR`, `--no-color`, files). */

/** Colour functions; each is the identity when colour is off. */
export interface Paint {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

function sgr(code: number, reset: number): (text: string) => string {
  return (text) => `\u001b[${code}m${text}\u001b[${reset}m`;
}

/** The colour functions, real or identity. */
export function paint(colour: boolean): Paint {
  if (!colour) {
    const same = (text: string): string => text;
    return { red: same, green: same, yellow: same, dim: same, bold: same };
  }
  return { red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}
