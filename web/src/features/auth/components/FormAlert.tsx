import { useAuthErrorText } from '../hooks/useAuthErrorText';

/**
 * A failed request that is not about one field (network, rate limit, wrong credentials), shown
 * next to the submit button. `attempt` re-creates the alert so a repeated failure is announced again.
 */
export function FormAlert({ error, attempt }: { error: unknown; attempt: number }) {
  const text = useAuthErrorText();
  if (!error) return null;
  return (
    <p key={attempt} className="error-message" role="alert">
      {text(error)}
    </p>
  );
}
