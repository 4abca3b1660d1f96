/** The gateway's error message out of a response body (`{"error": ...}`), or the start of the body. */
export function errorText(text: string, max = 240): string {
  try {
    return String((JSON.parse(text) as { error?: unknown }).error ?? text).slice(0, max);
  } catch {
    return text.slice(0, max);
  }
}
