import path from 'node:path';

/** The content directory: CONTENT_DIR when set (absolute, or relative to the working directory), else content/. */
export function contentDir(): string {
  // The directory is chosen at run time on purpose; tell Turbopack not to trace the whole project.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

/** A path as editors see it in messages: relative to the working directory when inside it. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') ? absolute : relative.split(path.sep).join('/');
}

/**
 * Where images and other static files live (served from `/`): public/ beside the code. PUBLIC_DIR
 * lets the content check run on a content directory that brings its own images (tests do).
 */
export function publicDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.PUBLIC_DIR ?? 'public');
}
