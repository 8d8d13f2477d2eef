import { serializeJsonLd } from '@/lib/seo/jsonld';

/** Structured data for search engines, rendered on the server; `<` is escaped inside the JSON. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
