import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /**
       * Asked only with a session (the signed-in menu's badge): on sign-out the query is dropped
       * with the part of the page that shows it, not refetched without the session (a 401).
       */
      signedInOnly?: boolean;
    };
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Retry network failures, not answers: a 403 will not turn into a 200.
      retry: (count, error) => count < 3 && error instanceof ApiError && (error.isNetwork || error.status >= 500),
      refetchOnWindowFocus: false,
    },
    mutations: { retry: false },
  },
});
