/** What a command's yargs handler hands back: the work, run after parsing, resolving to an exit code. */
export type CommandRunner = () => Promise<number>;
