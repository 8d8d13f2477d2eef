import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { treePids } from './memory';

export type InotifyUse = { instances: number; watches: number };

/**
 * The inotify instances a process tree holds and the watches in them, from /proc: a watcher that
 * adds one watch per file grows with the archive (and runs into fs.inotify.max_user_watches).
 */
export function inotifyWatches(rootPid: number): InotifyUse {
  let instances = 0;
  let watches = 0;
  for (const pid of treePids(rootPid)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // ended while we looked, or not ours to read
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== 'anon_inode:inotify') continue;
        const info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8');
        instances += 1;
        watches += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
      } catch {
        /* the descriptor closed while we looked */
      }
    }
  }
  return { instances, watches };
}
