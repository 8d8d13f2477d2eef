// As much text as a story (about 25 kB, so about 55 kB of HTML with the React payload that
// repeats it): what Next costs to serve a page this size, with no site code.
const WORDS = 'harbour council budget river vote coast rail market school bridge port energy water court'.split(' ');

function paragraph(n) {
  const words = [];
  for (let i = 0; words.join(' ').length < 1000; i++) words.push(WORDS[(n * 7 + i * 3) % WORDS.length]);
  return words.join(' ');
}

export function StoryLength({ title }) {
  return (
    <article>
      <h1>{title}</h1>
      {Array.from({ length: 25 }, (_, n) => (
        <p key={n}>{paragraph(n)}</p>
      ))}
    </article>
  );
}
