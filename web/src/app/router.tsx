import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

// Each page is its own chunk: a reader of one space downloads only what that page needs.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        index: true,
        lazy: () => import('../features/spaces/routes/SpacesIndex').then((m) => ({ Component: m.SpacesIndex })),
      },
      {
        path: 'spaces/:slug',
        lazy: () => import('../features/discussion/routes/SpacePage').then((m) => ({ Component: m.SpacePage })),
      },
      { path: 'signin', lazy: () => import('../features/auth/routes/SignIn').then((m) => ({ Component: m.SignIn })) },
      {
        path: 'register',
        lazy: () => import('../features/auth/routes/Register').then((m) => ({ Component: m.Register })),
      },
      {
        path: 'account',
        lazy: () => import('../features/auth/routes/Account').then((m) => ({ Component: m.Account })),
      },
      {
        path: 'account/contributions',
        lazy: () => import('../features/auth/routes/MyContributions').then((m) => ({ Component: m.MyContributions })),
      },
      { path: '*', Component: NotFound },
    ],
  },
]);
