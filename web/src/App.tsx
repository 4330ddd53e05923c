import { meResponse } from '@convene/shared';
import { useQuery } from '@tanstack/react-query';

async function fetchMe() {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`Could not load your account (${res.status}).`);
  return meResponse.parse(await res.json());
}

export function App() {
  const me = useQuery({ queryKey: ['me'], queryFn: fetchMe });
  return (
    <>
      <header className="site-header">
        <a className="brand" href="/">
          Convene
        </a>
      </header>
      <main id="main" className="page">
        <h1>Consultations and discussion spaces</h1>
        <p>
          Governments and stakeholders answer a roundtable&rsquo;s guiding questions in writing; moderators curate what
          is published; chairs turn it into a background note.
        </p>
        <p aria-live="polite">
          {me.isPending && 'Loading…'}
          {me.isError && me.error.message}
          {me.data &&
            (me.data.user
              ? `Signed in as ${me.data.user.displayName} (${me.data.user.affiliation}).`
              : 'You are reading as a guest.')}
        </p>
      </main>
    </>
  );
}
