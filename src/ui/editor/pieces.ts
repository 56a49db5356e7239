/**
 * A long text cut at line ends into pieces of about `size` characters (the last may be shorter):
 * the editor takes a big replacement a piece per task, so no single task handles all of it.
 * Joined, the pieces are the text.
 */
export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const cut = text.indexOf('\n', start + size);
    if (cut < 0) break;
    out.push(text.slice(start, cut + 1));
    start = cut + 1;
  }
  if (start < text.length || out.length === 0) out.push(text.slice(start));
  return out;
}
