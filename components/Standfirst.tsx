/** The dek: one or two sentences under the headline that say why the story matters. */
export function Standfirst({ children }: { children: string }) {
  return <p className="mt-4 font-serif text-xl leading-snug text-muted text-pretty sm:text-2xl">{children}</p>;
}
