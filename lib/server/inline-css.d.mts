import type { IncomingMessage, ServerResponse } from 'node:http';

export type CssReader = (href: string) => string | undefined;
export function inlineStylesheets(head: string, readCss: CssReader): string;
export function absoluteUrls(css: string, href: string): string;
export function buildCssReader(distDir: string): CssReader;
export type NotFoundReader = () => Buffer | undefined;
export function buildNotFoundReader(distDir: string): NotFoundReader;
export function inlineCssInto(
  req: IncomingMessage,
  res: ServerResponse,
  readCss: CssReader,
  readNotFound?: NotFoundReader,
  options?: { stripHydration?: boolean },
): void;
