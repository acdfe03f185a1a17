// Copies text with the async clipboard API; false when the page may not (no permission, an
// insecure origin, an old browser), so the caller shows the text to copy by hand instead.

export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
