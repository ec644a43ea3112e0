/** The output formats of `conflictcheck lint`, apart from the formatters so `--help` need not load them. */

/** The output formats of `conflictcheck lint`. */
export const FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github-actions', 'markdown'] as const;

/** One of {@link FORMATS}. */
export type FormatName = (typeof FORMATS)[number];
