import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { StartingShell } from './StartingShell';

// Each page is its own chunk: a reader of one space downloads only what that page needs.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    // Shown while the first page's chunk loads (the router would otherwise show nothing, and warn).
    hydrateFallbackElement: <StartingShell />,
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
        path: 'forgot-password',
        lazy: () => import('../features/auth/routes/ForgotPassword').then((m) => ({ Component: m.ForgotPassword })),
      },
      {
        path: 'reset-password',
        lazy: () => import('../features/auth/routes/ResetPassword').then((m) => ({ Component: m.ResetPassword })),
      },
      {
        path: 'verify-email',
        lazy: () => import('../features/auth/routes/VerifyEmail').then((m) => ({ Component: m.VerifyEmail })),
      },
      {
        path: 'invitation',
        lazy: () => import('../features/auth/routes/AcceptInvitation').then((m) => ({ Component: m.AcceptInvitation })),
      },
      {
        path: 'account',
        lazy: () => import('../features/auth/routes/Account').then((m) => ({ Component: m.Account })),
      },
      {
        path: 'account/contributions',
        lazy: () => import('../features/auth/routes/MyContributions').then((m) => ({ Component: m.MyContributions })),
      },
      // Staff pages: each its own chunk, never loaded by participants.
      {
        path: 'moderation',
        lazy: () =>
          import('../features/moderation/routes/ModerationQueue').then((m) => ({ Component: m.ModerationQueue })),
      },
      {
        path: 'spaces/:slug/moderation',
        lazy: () =>
          import('../features/moderation/routes/ModerationQueue').then((m) => ({ Component: m.ModerationQueue })),
      },
      {
        path: 'spaces/:slug/moderation/log',
        lazy: () => import('../features/moderation/routes/ModerationLog').then((m) => ({ Component: m.ModerationLog })),
      },
      {
        path: 'spaces/:slug/dashboard',
        lazy: () => import('../features/dashboard/routes/Dashboard').then((m) => ({ Component: m.Dashboard })),
      },
      {
        path: 'admin',
        lazy: () => import('../features/admin/routes/AdminHome').then((m) => ({ Component: m.AdminHome })),
      },
      {
        path: 'admin/spaces/new',
        lazy: () => import('../features/admin/routes/SpaceEditor').then((m) => ({ Component: m.SpaceEditor })),
      },
      {
        path: 'admin/spaces/:slug',
        lazy: () => import('../features/admin/routes/SpaceEditor').then((m) => ({ Component: m.SpaceEditor })),
      },
      {
        path: 'admin/users',
        lazy: () => import('../features/admin/routes/Users').then((m) => ({ Component: m.Users })),
      },
      {
        path: 'admin/affiliations',
        lazy: () => import('../features/affiliations/routes/Affiliations').then((m) => ({ Component: m.Affiliations })),
      },
      {
        path: 'admin/mailbox',
        lazy: () => import('../features/mail/routes/Mailbox').then((m) => ({ Component: m.Mailbox })),
      },
      {
        path: 'spaces/:slug/notes',
        lazy: () => import('../features/notes/routes/NotesList').then((m) => ({ Component: m.NotesList })),
      },
      {
        path: 'notes/:id',
        lazy: () => import('../features/notes/routes/NoteEditor').then((m) => ({ Component: m.NoteEditor })),
      },
      { path: '*', Component: NotFound },
    ],
  },
]);
