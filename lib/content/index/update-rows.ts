import 'server-only';
import type { LiveUpdate } from '../schema';
import { sql, type IndexDb } from './database';

/** Writes one live update's last good version (ADR 0011); synchronous, inside the caller's transaction. */
export function writeUpdate(db: IndexDb, update: LiveUpdate, hash: string, compiled: string) {
  sql(
    db,
    `INSERT OR REPLACE INTO live_updates (story, id, hash, time_ms, pinned, key_event, update_json, compiled)
     VALUES (@story, @id, @hash, @time, @pinned, @key, @json, @compiled)`,
  ).run({
    story: update.story,
    id: update.id,
    hash,
    time: Date.parse(update.time),
    pinned: update.pinned ? 1 : 0,
    key: update.key ? 1 : 0,
    json: JSON.stringify(update),
    compiled,
  });
}

export function deleteUpdate(db: IndexDb, story: string, id: string) {
  sql(db, 'DELETE FROM live_updates WHERE story = ? AND id = ?').run(story, id);
}

/** The story and id a live update's path names: live/<story>/<id>.mdx. */
export function updateOfPath(rel: string): { story: string; id: string } {
  const [, story = '', name = ''] = rel.split('/');
  return { story, id: name.replace(/\.mdx$/, '') };
}
