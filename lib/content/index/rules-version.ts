import 'server-only';
/**
 * The version of the content rules (lib/content/rules.ts): the schema, cross-field checks, the MDX safety plugin and
 * compile options. Every row of the content index is derived under one version; an index made
 * under another is rebuilt, so a rule change re-checks every story. rules-version.test.ts fails
 * when a rule file changes without this being bumped.
 */
export const CONTENT_RULES_VERSION = '2026-12-05.14';
