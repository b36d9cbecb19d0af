// Escaping for text that comes from data (product names, GACC commodity names): everything
// written into HTML or SVG markup goes through here, in text and in attribute values alike.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
