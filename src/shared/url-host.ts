/** The host (name and port) of a URL, or undefined when the text is not an absolute URL: nothing to compare. */
export function hostOf(url: string): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}
