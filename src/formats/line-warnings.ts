/**
 * Warnings about single lines, bounded: the first few are listed, the rest only counted,
 * so a file of a million odd lines gets a handful of warnings rather than a million
 * strings (which cost more than reading the file).
 */
export class LineWarnings {
  private listed = 0;
  private unlisted = 0;

  constructor(
    private readonly out: string[],
    private readonly keep = 5,
  ) {}

  add(message: string): void {
    if (this.listed < this.keep) {
      this.listed++;
      this.out.push(message);
    } else this.unlisted++;
  }

  /** Says how many were only counted; call once, after the last line. */
  finish(): void {
    if (this.unlisted > 0) this.out.push(`${this.unlisted} more such line${this.unlisted === 1 ? '' : 's'} not listed`);
  }
}
