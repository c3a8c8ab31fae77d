/**
 * Made-up resident ID numbers for tests: region 990102 is no real county, and the MOD 11-2 check
 * character is computed here, independently of the code under test.
 */
export function makeId(region: string, birth: string, sequence: string): string {
  const first17 = region + birth + sequence;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
