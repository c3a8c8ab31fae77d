/**
 * site.json with its release id blanked: the id hashes the input files' bytes, so the same data
 * saved another way (GBK, Excel, degrees-minutes-seconds) is another release of the same site data.
 */
export function withoutReleaseId(siteJson: string | undefined): string | undefined {
  return siteJson?.replace(/"release":\{"id":"[^"]*"/, '"release":{"id":""');
}
