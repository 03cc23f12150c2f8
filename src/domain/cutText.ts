// Cutting text to a length without breaking a character.

/**
 * The text cut to at most max UTF-16 units. An emoji (or any character written as two units) is
 * kept whole or left out: half of one cannot be stored or sent to Slack.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
