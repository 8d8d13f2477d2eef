import { paths } from '@/lib/urls';

/** The first story (../shared/seed), published verbatim: the page the budgets and SEO specs judge. */
export const SEED_SLUG = 'putin-lukashenko-summit-novo-ogaryovo';
export const SEED_PATH = paths.story(SEED_SLUG);
