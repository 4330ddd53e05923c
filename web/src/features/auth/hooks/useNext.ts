import { useSearchParams } from 'react-router';
import { safeNext } from '../utils/next';

/** The same-site page to go to after signing in (`?next=`), or "/". */
export function useNext(): string {
  const [params] = useSearchParams();
  return safeNext(params.get('next'));
}
