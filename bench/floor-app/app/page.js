export const revalidate = 30;

export default function Page() {
  return <p>A bare Next.js page.</p>;
}
