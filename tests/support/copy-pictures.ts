/**
 * A project's encoded pictures, share cards and the cards' fonts, put into another project's store
 * through the store's own door: copies that the receiving store stamps as its own, so the two share
 * no file (a test that damages its pictures damages only its own). Read under the giving store's build lock: a build of that
 * project may be putting pictures in at that moment, and an entry it has not stamped yet would look
 * damaged. For tests whose pictures are not under test, where encoding them again would be most of
 * the time.
 */
import { copyFile } from "node:fs/promises";
import { lockStore, unlockStore } from "../../src/store/build-lock.ts";
import { Store } from "../../src/store/store.ts";

/** The store's areas of pictures: drawn or encoded from the same content, they are the same bytes in every copy of a site. */
const AREAS = ["images", "cards", "cardFonts"] as const;

/** Copies every sound encoded picture, share card and card font of the store at `fromDir` into the store at `toDir`; returns how many. */
export async function copyPictures(fromDir: string, toDir: string): Promise<number> {
  const from = new Store(fromDir);
  const to = new Store(toDir);
  await lockStore(fromDir);
  try {
    let copied = 0;
    for (const area of AREAS) {
      for (const name of from.list(area)) {
        if (!from.verified(area, name)) continue;
        await to.put(area, name, (temp) => copyFile(from.path(area, name), temp));
        copied++;
      }
    }
    to.saveStamps();
    return copied;
  } finally {
    unlockStore(fromDir);
  }
}
