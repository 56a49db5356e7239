/** Everything the command line touches outside itself, passed in so tests run without spawning. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads stdin fully (only called for the `-` file). */
  readonly readStdin: () => Promise<string>;
  /** Lists the YAML/JSON files under a path (recursively for a directory), or the path itself for a file. */
  readonly expand: (path: string) => Promise<string[]>;
  readonly readFile: (path: string) => Promise<string>;
}

export const EXIT = { ok: 0, errors: 1, usage: 2, lossy: 3 } as const;
