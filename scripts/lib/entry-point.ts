import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * True when the module at `metaUrl` is the script Node was asked to run (`argv1`). Compares file
 * URLs, so spaces, Chinese characters and Windows drive letters are percent-encoded alike, and
 * falls back to real paths for a script run through a symbolic link.
 */
export function isEntryPoint(metaUrl: string, argv1: string | undefined): boolean {
  if (argv1 === undefined) return false;
  if (pathToFileURL(argv1).href === metaUrl) return true;
  try {
    return pathToFileURL(realpathSync(argv1)).href === metaUrl;
  } catch {
    return false;
  }
}
