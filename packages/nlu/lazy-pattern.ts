// A pattern built on its first use. V8 parses a RegExp when it is constructed (and again when it
// first runs it), so patterns built at module load cost every fresh isolate their parse although a
// message only reaches the few whose words it names; the rules' ~100 patterns were ~2 ms of the
// chat Worker's top level.

/** What the rules need of a RegExp; a RegExp is one too. */
export interface Pattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

export class LazyPattern implements Pattern {
  private built: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags = "",
  ) {}

  /** The RegExp, built the first time it is asked for. */
  get regExp(): RegExp {
    return (this.built ??= new RegExp(this.source, this.flags));
  }

  test(text: string): boolean {
    return this.regExp.test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.regExp.exec(text);
  }
}

/** `new RegExp(source, flags)`, built on its first test or exec. */
export function lazyPattern(source: string, flags?: string): LazyPattern {
  return new LazyPattern(source, flags);
}

/**
 * Whether `text` contains any of `words`: the gate of a pattern that cannot match without one of
 * them, so a message naming none never builds, compiles or runs it.
 */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.includes(words[i]!)) return true;
  return false;
}

/** A value built on first use (a table of patterns used together). */
export function onFirstUse<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
