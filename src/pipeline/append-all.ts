/** Appending a long list to another without the spread operator. */

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and a
 * file of 300,000 rows with a warning each (or a header of 200,000 cells) overflows the stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
}
