/** POSIX shell quoting for the commands reports print (curl, replay). */

/** `text` as one shell word: left bare when that is safe, else single-quoted. */
export function shellQuote(text: string): string {
  if (text !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Joins words into one command line, quoting each. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
